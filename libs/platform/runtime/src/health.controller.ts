import { Controller, Get, Headers, HttpCode, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { presentedServiceKey, serviceKeyMatches } from '@oncall/platform-auth';
import { ServiceMetrics } from '@oncall/platform-observability';
import type { Response } from 'express';
import { PublicRoute } from './public-route.decorator';
import { DEFAULT_READINESS } from './readiness';
import { RUNTIME_OPTIONS, RuntimeOptions } from './runtime-options';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Operational endpoints. /healthz: the process is alive. /readyz: every readiness check the service
 * declares passes (default: PostgreSQL and NATS answer), so it can do its job. /metrics: Prometheus text
 * format, behind METRICS_TOKEN when one is configured.
 */
@PublicRoute()
@Controller()
export class HealthController {
  constructor(
    private readonly services: ModuleRef,
    private readonly metrics: ServiceMetrics,
    @Inject(RUNTIME_OPTIONS) private readonly options: RuntimeOptions,
  ) {}

  @Get('healthz')
  @HttpCode(200)
  health() {
    return { status: 'ok', service: this.options.serviceName };
  }

  @Get('readyz')
  async ready(@Res() response: Response) {
    const checks = this.options.readiness ?? DEFAULT_READINESS;
    const results = await Promise.all(checks.map((readiness) => check(() => readiness.probe(this.services))));
    const ready = results.every((result) => result === 'up');
    response.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not-ready',
      checks: Object.fromEntries(checks.map((readiness, index) => [readiness.name, results[index]])),
    });
  }

  @Get('metrics')
  async scrape(@Headers() headers: Record<string, string>, @Res() response: Response) {
    const token = this.options.config.METRICS_TOKEN;
    if (token && !serviceKeyMatches(presentedServiceKey(headers), token)) throw new UnauthorizedException();
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
