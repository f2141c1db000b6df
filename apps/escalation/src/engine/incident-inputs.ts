import { MessageEnvelope, PagedIncident, ServiceState, ClientState } from '@oncall/contracts';
import {
  AlertSeverity,
  IncidentInput,
  PolicySnapshot,
  Triggered,
  UrgencyRule,
} from '@oncall/escalation-domain';
import type { IncidentEvent, IncidentEventOf } from '@oncall/incident-domain';

/** What an incident event means to the engine; null for events it does not act on (notes, alerts ...). */
export function incidentInputOf(
  event: Exclude<IncidentEvent, IncidentEventOf<'IncidentTriggered'>>,
  incidentVersion: number,
): IncidentInput | null {
  const base = { incidentId: event.data.incidentId, at: event.data.at, incidentVersion };
  switch (event.type) {
    case 'IncidentAcknowledged':
      return { ...base, type: 'Acknowledged' };
    case 'IncidentUnacknowledged':
      return { ...base, type: 'Unacknowledged', reason: event.data.reason };
    case 'IncidentResolved':
      return { ...base, type: 'Resolved' };
    case 'IncidentReassigned':
      return event.data.to.kind === 'escalation-level'
        ? { ...base, type: 'ReassignedToLevel', level: event.data.to.level }
        : { ...base, type: 'ReassignedToUsers', userIds: event.data.to.userIds };
    // The engine never escalates through incident-state, so every IncidentEscalated is a person's.
    case 'IncidentEscalated':
      return { ...base, type: 'ManuallyEscalated', toLevel: event.data.toLevel };
    default:
      return null;
  }
}

/**
 * The trigger with what the engine walks for the incident's whole life: the policy snapshot, the service's
 * urgency rule, acknowledgement timeout and auto-resolve time as they are now (constant high urgency and
 * no timeouts when the copy does not know the service).
 */
export function triggeredInput(
  event: IncidentEventOf<'IncidentTriggered'>,
  incidentVersion: number,
  policy: PolicySnapshot | null,
  service: ServiceState | undefined,
): Triggered {
  return {
    type: 'Triggered',
    incidentId: event.data.incidentId,
    orgId: event.data.orgId,
    at: event.data.at,
    incidentVersion,
    policy,
    severity: event.data.severity as AlertSeverity,
    urgencyRule: (service?.urgencyRule ?? { kind: 'constant', urgency: 'high' }) as UrgencyRule,
    timeouts: {
      ackTimeoutSeconds: service?.ackTimeoutSeconds ?? null,
      autoResolveSeconds: service?.autoResolveSeconds ?? null,
    },
  };
}

/** The incident as every page describes it, copied once at the trigger. */
export function pagedIncidentOf(
  event: IncidentEventOf<'IncidentTriggered'>,
  service: ServiceState | undefined,
  client: ClientState | undefined,
): PagedIncident {
  const { alert } = event.data;
  const context = alert.context ?? {};
  return {
    title: event.data.title,
    severity: event.data.severity,
    serviceId: event.data.serviceId,
    serviceName: service?.name ?? null,
    clientName: client?.name ?? null,
    triggeredAt: event.data.at,
    alert: {
      summary: alert.summary,
      source: context.source ?? null,
      device: context.device ?? null,
      details: (context.details as Record<string, unknown> | undefined) ?? null,
      defend: (context.defend as PagedIncident['alert']['defend'] | undefined) ?? null,
    },
  };
}

/** The incident event inside an envelope from ONCALL_INCIDENTS. */
export function incidentEventOf(envelope: MessageEnvelope): IncidentEvent {
  return {
    type: envelope.type,
    schemaVersion: envelope.metadata.schemaVersion,
    data: envelope.data,
  } as IncidentEvent;
}
