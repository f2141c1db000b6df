import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { randomUUID } from 'node:crypto';
import { readAlertBody } from '../http/alert-body';
import { AlertAccepted, AlertRequest } from '../http/alert-request';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { IntegrationAuthenticator } from '../integration-keys/integration-authenticator';
import { AlertPublisher } from '../publish/alert-publisher';
import { AlertRateLimits } from '../rate-limits/alert-rate-limits';
import { validateGenericAlert } from '../validation/alert-validators';
import { mapGenericAlert } from './map-generic-alert';

/**
 * POST /v1/alerts/generic/{integrationKey}: any monitoring tool that can send JSON; the key is the
 * credential. Cheapest checks first: the key and the integration's limit, then the body, then JetStream.
 */
@Injectable()
export class ReceiveGenericAlert {
  constructor(
    private readonly authenticator: IntegrationAuthenticator,
    private readonly limits: AlertRateLimits,
    private readonly publisher: AlertPublisher,
    private readonly config: IngestionGatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async receive(integrationKey: string, request: AlertRequest): Promise<AlertAccepted> {
    const integration = this.authenticator.authenticate(integrationKey, 'generic', request.source);
    this.limits.chargeIntegration(integration.integrationId, 429);
    const body = await readAlertBody(request.headers, request.body, this.config.MAX_ALERT_BODY_BYTES);
    const payload = validateGenericAlert(body);
    const alert = mapGenericAlert(payload, integration, {
      alertId: randomUUID(),
      receivedAt: this.clock.now().toISOString(),
    });
    return this.publisher.publish({ ...alert, raw: body }, request.correlationId);
  }
}
