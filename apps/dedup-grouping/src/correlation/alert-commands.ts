import { CanonicalAlert, MessageContext } from '@oncall/contracts';
import { AlertContext, AlertInput } from '@oncall/incident-domain';
import { ReceivedAlert } from './received-alert';

export function contextOf(received: ReceivedAlert): MessageContext {
  return {
    orgId: received.alert.orgId,
    correlationId: received.correlationId,
    causationId: received.alert.alertId,
  };
}

export function alertInput(received: ReceivedAlert): AlertInput {
  const { alert } = received;
  return {
    alertId: alert.alertId,
    dedupKey: alert.dedupKey,
    summary: alert.summary,
    severity: alert.severity,
    integrationId: alert.integrationId,
    sequence: received.sequence,
    context: contextOfAlert(alert, received),
  };
}

/** What pages and the timeline show beyond the summary; absent fields stay absent. */
function contextOfAlert(alert: CanonicalAlert, received: ReceivedAlert): AlertContext {
  const context: Record<string, unknown> = {
    routingRuleId: received.verdict?.ruleId ?? undefined,
    source: alert.source,
    component: alert.component,
    device: alert.device,
    client: alert.client,
    origin: alert.origin,
    integrationName: alert.integrationName,
    clientName: alert.clientName,
    details: alert.details,
    links: alert.links.length > 0 ? alert.links : undefined,
    defend: alert.defend,
  };
  return Object.fromEntries(
    Object.entries(context).filter(([, value]) => value !== undefined),
  ) as AlertContext;
}
