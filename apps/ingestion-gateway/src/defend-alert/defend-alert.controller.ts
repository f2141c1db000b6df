import {
  Controller,
  Headers,
  HttpCode,
  NotFoundException,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { presentedServiceKey, serviceKeyMatches } from '@oncall/platform-auth';
import { problem, PublicRoute, validatePayload } from '@oncall/platform-runtime';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { AlertAccepted } from '../generic-alert/generic-alert.controller';
import { mapGenericAlert } from '../generic-alert/map-generic-alert';
import { readJsonObjectBody } from '../generic-alert/read-json-body';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { IntegrationAuthenticator } from '../integration-keys/integration-authenticator';
import { AlertPublisher } from '../publish/alert-publisher';
import { DefendAlertDto } from './defend-alert.dto';

/**
 * POST /v1/alerts/defend: Defend authenticates with DEFEND_SERVICE_KEY (constant-time compare, never
 * logged) and names the organization; the alert goes to that organization's Defend integration, looked
 * up through the same cache as integration keys (a cached answer stands in while the directory is down).
 */
@PublicRoute()
@Controller('v1/alerts/defend')
export class DefendAlertController {
  constructor(
    private readonly authenticator: IntegrationAuthenticator,
    private readonly publisher: AlertPublisher,
    private readonly config: IngestionGatewayConfig,
  ) {}

  @Post()
  @HttpCode(202)
  async receive(@Headers() headers: Record<string, string>, @Req() request: Request): Promise<AlertAccepted> {
    if (!serviceKeyMatches(presentedServiceKey(headers), this.config.DEFEND_SERVICE_KEY)) {
      throw new UnauthorizedException(
        problem(401, 'Defend must present its service key.', { code: 'UNAUTHENTICATED' }),
      );
    }
    const correlationId = (request as Request & { correlationId: string }).correlationId;
    const payload = validatePayload(
      DefendAlertDto,
      await readJsonObjectBody(request, this.config.MAX_ALERT_BODY_BYTES),
    );
    const credential = await this.authenticator.integrationForOrg(payload.orgId, 'defend', correlationId);
    if (!credential) {
      throw new NotFoundException(
        problem(404, `Organization ${payload.orgId} has no active Defend integration in On-Call.`, {
          code: 'NO_DEFEND_INTEGRATION',
        }),
      );
    }
    const alert = mapGenericAlert(payload, credential, {
      alertId: randomUUID(),
      receivedAt: new Date().toISOString(),
    });
    await this.publisher.publish(alert, correlationId);
    return { status: 'accepted', dedupKey: alert.dedupKey, alertId: alert.alertId };
  }
}
