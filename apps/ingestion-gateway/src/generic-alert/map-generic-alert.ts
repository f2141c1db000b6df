import { CanonicalAlert, GenericAlertDto, IntegrationCredential, Severity } from '@oncall/contracts';
import { createHash } from 'node:crypto';

export interface ReceptionFacts {
  alertId: string;
  receivedAt: string;
}

/**
 * Maps a generic webhook body to the canonical alert. Without a dedupKey the key is derived from
 * source + summary + details (as GoAlert does), so a tool re-sending the same alert does not open a new
 * incident each time; PagerDuty's "fresh key per trigger" would page again for every repeat.
 */
export function mapGenericAlert(
  body: GenericAlertDto,
  credential: IntegrationCredential,
  facts: ReceptionFacts,
): CanonicalAlert {
  const severity: Severity = body.severity === 'error' ? 'high' : body.severity;
  return {
    alertId: facts.alertId,
    orgId: credential.orgId,
    integrationId: credential.integrationId,
    serviceId: credential.serviceId,
    origin: credential.type,
    action: body.action ?? 'trigger',
    dedupKey: body.dedupKey ?? derivedDedupKey(body),
    summary: body.summary,
    details: body.details,
    severity,
    ...(body.severity === 'error' ? { sourceSeverity: 'error' } : {}),
    source: body.source,
    component: body.component,
    client: body.client,
    device: body.device,
    labels: {},
    links: [],
    occurredAt: body.occurredAt ? new Date(body.occurredAt).toISOString() : facts.receivedAt,
    receivedAt: facts.receivedAt,
  };
}

function derivedDedupKey(body: GenericAlertDto): string {
  const material = JSON.stringify([body.source, body.summary, body.details ?? null]);
  return `auto-${createHash('sha256').update(material).digest('hex').slice(0, 32)}`;
}
