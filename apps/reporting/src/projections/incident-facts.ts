import { MessageEnvelope } from '@oncall/contracts';
import type { IncidentEvent } from '@oncall/incident-domain';
import { EntityManager } from 'typeorm';
import {
  addAlerts,
  IncidentKey,
  recordAcknowledged,
  recordLevel,
  recordOpening,
  recordPersonAcknowledged,
  recordResolved,
  recordSeverity,
} from './incident-row-writes';

/**
 * What an incident event changes in the report rows. Events reporting does not count (notes, priority,
 * snoozes, tickets, timeline activity) change nothing; they stay in report_facts all the same.
 */
export async function projectIncidentEvent(envelope: MessageEnvelope, tx: EntityManager): Promise<void> {
  const event = { type: envelope.type, data: envelope.data } as IncidentEvent;
  const key: IncidentKey = { orgId: envelope.metadata.orgId, incidentId: event.data.incidentId };
  const version = envelope.metadata.stream?.version ?? 0;
  switch (event.type) {
    case 'IncidentTriggered':
      return recordOpening(tx, key, {
        openedAt: event.data.at,
        severity: event.data.severity,
        version,
        serviceId: event.data.serviceId,
        sourceId: event.data.alert.integrationId ?? null,
      });
    case 'AlertAppended':
      return addAlerts(tx, key, 1);
    case 'AlertRepeated':
      return addAlerts(tx, key, event.data.count);
    case 'IncidentAcknowledged':
      await recordAcknowledged(tx, key, event.data.at);
      if (event.data.by.kind === 'user')
        await recordPersonAcknowledged(tx, key, event.data.by.userId, event.data.at);
      return;
    case 'IncidentResolved':
      return recordResolved(tx, key, event.data.at, event.data.reason === 'merged');
    case 'IncidentSeverityChanged':
      return recordSeverity(tx, key, event.data.to, version);
    case 'IncidentEscalated':
      return recordLevel(tx, key, event.data.toLevel);
    case 'IncidentReassigned':
      if (event.data.to.kind === 'escalation-level') return recordLevel(tx, key, event.data.to.level);
      return;
    default:
      return;
  }
}
