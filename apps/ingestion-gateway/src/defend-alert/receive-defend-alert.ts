import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { presentedServiceKey, serviceKeyMatches } from '@oncall/platform-auth';
import { IntegrationState } from '@oncall/contracts';
import { IntegrationRef, mapDefendDetection } from '@oncall/ingestion-domain';
import { badRequestFor, problem } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { AlertAccepted, AlertRequest } from '../http/alert-request';
import { AlertReceiver } from '../http/alert-receiver';
import { validateDefendAlert } from '../validation/alert-validators';

/** Only a detection without a usable `orgId` is mapped against nobody: for its problems. */
const NOBODY: IntegrationRef = { orgId: '', integrationId: '', serviceId: '', type: 'defend', name: '' };

const withReason = (recordReason: string | undefined) => (recordReason ? { recordReason } : {});

/**
 * POST /v1/alerts/defend: Defend authenticates with DEFEND_SERVICE_KEY (constant-time compare, never
 * logged) and names the organization; the alert goes to that organization's oldest live Defend
 * integration in the local copy, and counts against that integration's limit.
 */
@Injectable()
export class ReceiveDefendAlert extends AlertReceiver {
  async receive(request: AlertRequest): Promise<AlertAccepted> {
    this.limits.refuseSpentSource(request.source);
    if (!serviceKeyMatches(presentedServiceKey(request.headers), this.config.DEFEND_SERVICE_KEY)) {
      this.limits.recordInvalidKey(request.source);
      throw new UnauthorizedException(
        problem(401, 'Defend must present its service key.', { code: 'UNAUTHENTICATED' }),
      );
    }
    const body = await this.readBody(request);
    // A detection (defend-detection.v1, ADR 0173) names itself by `detectionId`; the older alert shape does not.
    if ('detectionId' in body) return this.receiveDetection(body, request.correlationId);
    const payload = validateDefendAlert(body);
    const integration = this.integrationOf(payload.orgId);
    return this.publishGenericAlert(payload, integration, body, request.correlationId);
  }

  private async receiveDetection(
    body: Record<string, unknown>,
    correlationId: string,
  ): Promise<AlertAccepted> {
    const facts = { receivedAt: this.receivedAt(), alertId: () => randomUUID() };
    const orgId = body['orgId'];
    if (typeof orgId !== 'string') throw badRequestFor(mapDefendDetection(body, NOBODY, facts).rejected);
    const { integrationId, serviceId, type, name } = this.integrationOf(orgId);
    const result = mapDefendDetection(body, { orgId, integrationId, serviceId, type, name }, facts);
    if (result.rejected.length > 0) throw badRequestFor(result.rejected);
    const [alert] = result.alerts;
    const accepted = await this.publisher.publish({ ...alert, raw: body }, correlationId);
    return { ...accepted, disposition: alert.disposition, ...withReason(alert.recordReason) };
  }

  /** The organization's Defend integration, charged one alert. */
  private integrationOf(orgId: string): IntegrationState {
    const integration = this.authenticator.integrationForOrg(orgId, 'defend');
    if (!integration) {
      throw new NotFoundException(
        problem(404, `Organization ${orgId} has no active Defend integration in On-Call.`, {
          code: 'NO_DEFEND_INTEGRATION',
        }),
      );
    }
    this.limits.chargeIntegration(integration.integrationId, 429);
    return integration;
  }
}
