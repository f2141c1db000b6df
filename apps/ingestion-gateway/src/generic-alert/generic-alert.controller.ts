import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { GenericAlertDto } from '@oncall/contracts';
import { PublicRoute, validatePayload } from '@oncall/platform-runtime';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { IntegrationAuthenticator } from '../integration-keys/integration-authenticator';
import { AlertPublisher } from '../publish/alert-publisher';
import { mapGenericAlert } from './map-generic-alert';
import { readJsonObjectBody } from './read-json-body';

export interface AlertAccepted {
  status: 'accepted';
  dedupKey: string;
  alertId: string;
}

/** POST /v1/alerts/generic/{integrationKey}: any monitoring tool that can send JSON. The key is the credential. */
@PublicRoute()
@Controller('v1/alerts/generic')
export class GenericAlertController {
  constructor(
    private readonly authenticator: IntegrationAuthenticator,
    private readonly publisher: AlertPublisher,
    private readonly config: IngestionGatewayConfig,
  ) {}

  @Post(':integrationKey')
  @HttpCode(202)
  async receive(@Param('integrationKey') key: string, @Req() request: Request): Promise<AlertAccepted> {
    const correlationId = (request as Request & { correlationId: string }).correlationId;
    const credential = await this.authenticator.authenticate(key, 'generic', correlationId);
    const body = await readJsonObjectBody(request, this.config.MAX_ALERT_BODY_BYTES);
    const payload = validatePayload(GenericAlertDto, body);
    const alert = mapGenericAlert(payload, credential, {
      alertId: randomUUID(),
      receivedAt: new Date().toISOString(),
    });
    await this.publisher.publish(alert, correlationId);
    return { status: 'accepted', dedupKey: alert.dedupKey, alertId: alert.alertId };
  }
}
