import { Inject, Injectable } from '@nestjs/common';
import { GenericAlertDto, IntegrationCredential } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { randomUUID } from 'node:crypto';
import { mapGenericAlert } from '../generic-alert/map-generic-alert';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { IntegrationAuthenticator } from '../integration-keys/integration-authenticator';
import { AlertPublisher } from '../publish/alert-publisher';
import { AlertRateLimits } from '../rate-limits/alert-rate-limits';
import { readAlertBody } from './alert-body';
import { AlertAccepted, AlertRequest } from './alert-request';

/**
 * What every receive handler of the gateway works with: who sent it (the authenticator), what they may
 * still send (the limits), the body as the gateway reads it, the clock that dates the reception, and the
 * publisher that answers only once JetStream has stored the alert.
 */
@Injectable()
export abstract class AlertReceiver {
  constructor(
    protected readonly authenticator: IntegrationAuthenticator,
    protected readonly limits: AlertRateLimits,
    protected readonly publisher: AlertPublisher,
    protected readonly config: IngestionGatewayConfig,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  /** The request's JSON object body, within the gateway's size limit (ADR 0132). */
  protected readBody(request: AlertRequest): Promise<Record<string, unknown>> {
    return readAlertBody(request.headers, request.body, this.config.MAX_ALERT_BODY_BYTES);
  }

  /** Now, as the alerts received now record it. */
  protected receivedAt(): string {
    return this.clock.now().toISOString();
  }

  /** A validated generic-shaped alert, mapped for `integration` under a fresh id and published with `body`. */
  protected publishGenericAlert(
    payload: GenericAlertDto,
    integration: IntegrationCredential,
    body: Record<string, unknown>,
    correlationId: string,
  ): Promise<AlertAccepted> {
    const alert = mapGenericAlert(payload, integration, {
      alertId: randomUUID(),
      receivedAt: this.receivedAt(),
    });
    return this.publisher.publish({ ...alert, raw: body }, correlationId);
  }
}
