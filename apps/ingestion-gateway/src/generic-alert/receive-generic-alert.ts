import { Injectable } from '@nestjs/common';
import { AlertAccepted, AlertRequest } from '../http/alert-request';
import { AlertReceiver } from '../http/alert-receiver';
import { validateGenericAlert } from '../validation/alert-validators';

/**
 * POST /v1/alerts/generic/{integrationKey}: any monitoring tool that can send JSON; the key is the
 * credential. Cheapest checks first: the key and the integration's limit, then the body, then JetStream.
 */
@Injectable()
export class ReceiveGenericAlert extends AlertReceiver {
  async receive(integrationKey: string, request: AlertRequest): Promise<AlertAccepted> {
    const integration = this.authenticator.authenticate(integrationKey, 'generic', request.source);
    this.limits.chargeIntegration(integration.integrationId, 429);
    const body = await this.readBody(request);
    const payload = validateGenericAlert(body);
    return this.publishGenericAlert(payload, integration, body, request.correlationId);
  }
}
