import { Injectable } from '@nestjs/common';
import { CanonicalAlert, IntegrationState } from '@oncall/contracts';
import {
  INTAKE_FORMATS,
  IntegrationRef,
  MappedAlert,
  MappingResult,
  ReceptionFacts,
} from '@oncall/ingestion-domain';
import { badRequestFor } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { AlertReceiver } from '../http/alert-receiver';
import { AlertRequest } from '../http/alert-request';
import { bodyKeyField, IntakeRoute } from './intake-routes';
import { IntakeReply, replyFor } from './intake-replies';

/** The integration a body without a usable key is mapped against: only its problems are kept. */
const NOBODY: IntegrationRef = { orgId: '', integrationId: '', serviceId: '', type: 'pagerduty', name: '' };

/**
 * Every keyed intake route (ADR 0171): the sender's budget and key first (from the URL before reading a
 * byte; from the body on PagerDuty's paths, which is where PagerDuty puts it), the integration's rate
 * limit, then the format's pure mapper, then JetStream. A batch keeps its valid alerts and names the
 * invalid ones by index; a body with nothing valid is a 400 naming the fields.
 */
@Injectable()
export class ReceiveIntakeAlerts extends AlertReceiver {
  async receive(route: IntakeRoute, urlKey: string | undefined, request: AlertRequest): Promise<IntakeReply> {
    this.limits.refuseSpentSource(request.source);
    let integration = urlKey === undefined ? undefined : this.admit(route, urlKey, request.source);
    const sent = await this.readBody(request);
    const body = urlKey === undefined ? sent : withUrlKey(route, sent, urlKey);
    const ids: string[] = [];
    const facts = this.facts(ids);
    const result = integration
      ? this.map(route, body, integration, facts)
      : this.mapKeyedBody(route, body, request.source, facts, (admitted) => (integration = admitted));
    if (result.alerts.length === 0 && result.rejected.length > 0) throw badRequestFor(result.rejected);
    const correlationId = request.correlationId;
    await Promise.all(
      result.alerts.map((alert) =>
        this.publisher.publish(canonical(alert, rawOf(sent, ids.indexOf(alert.alertId))), correlationId),
      ),
    );
    return replyFor(route.replies, result);
  }

  private admit(route: IntakeRoute, key: string, source: string): IntegrationState {
    const integration = this.authenticator.authenticate(key, route.type, source);
    this.limits.chargeIntegration(integration.integrationId, route.whenLimited);
    return integration;
  }

  /** PagerDuty's paths: a body naming no usable key is refused with all its problems, keys unlooked. */
  private mapKeyedBody(
    route: IntakeRoute,
    body: Record<string, unknown>,
    source: string,
    facts: ReceptionFacts,
    admitted: (integration: IntegrationState) => void,
  ): MappingResult {
    const key = body[bodyKeyField(route)];
    if (typeof key !== 'string') {
      return { alerts: [], rejected: INTAKE_FORMATS[route.format].map(body, NOBODY, facts).rejected };
    }
    const integration = this.admit(route, key, source);
    admitted(integration);
    return this.map(route, body, integration, facts);
  }

  private map(
    route: IntakeRoute,
    body: Record<string, unknown>,
    integration: IntegrationState,
    facts: ReceptionFacts,
  ): MappingResult {
    const { orgId, integrationId, serviceId, type, name } = integration;
    return INTAKE_FORMATS[route.format].map(body, { orgId, integrationId, serviceId, type, name }, facts);
  }

  /** Alert ids by element, remembered in `ids` so each alert finds its element's raw payload. */
  private facts(ids: string[]): ReceptionFacts {
    return { receivedAt: this.receivedAt(), alertId: (index) => (ids[index] ??= randomUUID()) };
  }
}

/**
 * A PagerDuty event posted to a URL holding the key may leave `routing_key` out (the URL says it); one
 * naming another key is refused, since which integration it is for would be a guess.
 */
function withUrlKey(
  route: IntakeRoute,
  body: Record<string, unknown>,
  urlKey: string,
): Record<string, unknown> {
  if (route.replies === 'ours') return body;
  const field = bodyKeyField(route);
  if (body[field] === undefined) return { ...body, [field]: urlKey };
  if (body[field] !== urlKey) {
    throw badRequestFor([{ field, message: `${field} must be the integration key in the URL, or absent` }]);
  }
  return body;
}

/** MappedAlert and CanonicalAlert have the same fields (ADR 0172), plus what the sender posted. */
export function canonical(alert: MappedAlert, raw: unknown): CanonicalAlert {
  return { ...alert, raw };
}

/** Integration keys are credentials: the history keeps the payload without them. */
const KEY_FIELDS = ['routing_key', 'service_key'];

/**
 * The raw payload of element `index` (ADR 0174): the body without its key, and for a webhook batch only
 * that element in `alerts` (the group's own fields kept), so N alerts do not carry N copies of the body.
 */
export function rawOf(body: Record<string, unknown>, index: number): Record<string, unknown> {
  const raw = Object.fromEntries(Object.entries(body).filter(([field]) => !KEY_FIELDS.includes(field)));
  if (Array.isArray(body['alerts'])) raw['alerts'] = [body['alerts'][index]];
  return raw;
}
