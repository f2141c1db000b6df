import { Controller, Get, Headers, HttpCode, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { presentedServiceKey, serviceKeyMatches } from '@oncall/platform-auth';
import { ServiceMetrics } from '@oncall/platform-observability';
import { PublicRoute } from './public-route.decorator';
import { ReadinessProbe } from './readiness';
import { RUNTIME_OPTIONS, RuntimeOptions } from './runtime-options';

/**
 * Operational endpoints. /healthz: the process is alive. /readyz: the service can do its job (ADR 0131),
 * so it can take traffic. /metrics: Prometheus text format, behind METRICS_TOKEN when one is configured.
 * Answers go through the HTTP adapter, so they work on Express and Fastify alike.
 */
@PublicRoute()
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessProbe,
    private readonly metrics: ServiceMetrics,
    private readonly http: HttpAdapterHost,
    @Inject(RUNTIME_OPTIONS) private readonly options: RuntimeOptions,
  ) {}

  @Get('healthz')
  @HttpCode(200)
  health() {
    return { status: 'ok', service: this.options.serviceName };
  }

  @Get('readyz')
  async ready(@Res() response: unknown): Promise<void> {
    const { ready, checks } = await this.readiness.check();
    const body = { status: ready ? 'ready' : 'not-ready', checks };
    this.http.httpAdapter.reply(response, body, ready ? 200 : 503);
  }

  @Get('metrics')
  async scrape(@Headers() headers: Record<string, string>, @Res() response: unknown): Promise<void> {
    const token = this.options.config.METRICS_TOKEN;
    if (token && !serviceKeyMatches(presentedServiceKey(headers), token)) throw new UnauthorizedException();
    const text = await this.metrics.registry.metrics();
    this.http.httpAdapter.setHeader(response, 'content-type', this.metrics.registry.contentType);
    this.http.httpAdapter.reply(response, text, 200);
  }
}
