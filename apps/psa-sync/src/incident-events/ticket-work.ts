import { MessageEnvelope, Severity, TicketIncidentFacts, TicketMode } from '@oncall/contracts';
import { NewOperation } from '../links/ticket-links.store';
import { AlertFacts } from './incident-copies';

/** The fields of incident events psa-sync reads (IncidentTriggered, IncidentAcknowledged, NoteAdded, IncidentResolved). */
export interface IncidentEventData {
  incidentId: string;
  at: string;
  by?: { kind: string; userId?: string };
  serviceId?: string;
  title?: string;
  severity?: Severity;
  alert?: { summary?: string; context?: { source?: string; device?: string } };
  noteId?: string;
  text?: string;
  reason?: 'manual' | 'source' | 'auto' | 'merged';
  mergedInto?: string | null;
}

export type TicketWork =
  | { kind: 'copy'; facts: TicketIncidentFacts; alert: AlertFacts | null }
  | { kind: 'acknowledged'; at: string; by: string | null }
  | { kind: 'reserve'; reason: 'trigger' | 'acknowledge' }
  | { kind: 'operation'; operation: Omit<NewOperation, 'orgId' | 'incidentId'> };

export interface WorkContext {
  /** A PSA is configured. */
  configured: boolean;
  /** A PSA is configured, and the event is not older than the moment it was. */
  opensTickets: boolean;
  /** The service's ticket mode (the default when the service is not known). */
  mode: TicketMode;
}

/** What an incident event asks of psa-sync; nothing for the events that do not concern tickets. */
export function ticketWorkOf(
  envelope: MessageEnvelope<string, IncidentEventData>,
  context: WorkContext,
): TicketWork[] {
  const { data } = envelope;
  const by = data.by?.kind === 'user' ? (data.by.userId ?? null) : null;
  const eventId = envelope.metadata.eventId;
  switch (envelope.type) {
    case 'IncidentTriggered':
      return [
        { kind: 'copy', facts: factsOf(data), alert: alertOf(data) },
        ...(context.opensTickets && context.mode === 'on-trigger' ? [reserve('trigger')] : []),
      ];
    case 'IncidentAcknowledged':
      return [
        { kind: 'acknowledged', at: data.at, by },
        ...(context.opensTickets && context.mode === 'on-acknowledge' ? [reserve('acknowledge')] : []),
      ];
    case 'NoteAdded':
      if (!context.configured || !data.noteId || typeof data.text !== 'string') return [];
      return [
        operation({ sourceId: `${eventId}:note`, kind: 'note', payload: { kind: 'note', noteId: data.noteId, text: data.text, by, at: data.at } }), // prettier-ignore
      ];
    case 'IncidentResolved': {
      if (!context.configured) return [];
      const payload = { kind: 'resolution' as const, reason: data.reason ?? 'manual', by, at: data.at, mergedInto: data.mergedInto ?? null }; // prettier-ignore
      return [
        operation({ sourceId: `${eventId}:resolution-note`, kind: 'resolution-note', payload }),
        operation({ sourceId: `${eventId}:close`, kind: 'close', payload }),
      ];
    }
    default:
      return [];
  }
}

function reserve(reason: 'trigger' | 'acknowledge'): TicketWork {
  return { kind: 'reserve', reason };
}

/**
 * Queued whatever the mode, ticket or not: a ticket made later (on acknowledgement, or by hand) gets the
 * notes written before it, in order.
 */
function operation(operation: Omit<NewOperation, 'orgId' | 'incidentId'>): TicketWork {
  return { kind: 'operation', operation };
}

function factsOf(data: IncidentEventData): TicketIncidentFacts {
  return {
    serviceId: data.serviceId ?? '',
    title: data.title ?? 'Incident',
    severity: data.severity ?? 'high',
    triggeredAt: data.at,
  };
}

function alertOf(data: IncidentEventData): AlertFacts | null {
  if (!data.alert?.summary) return null;
  const context = data.alert.context ?? {};
  return { summary: data.alert.summary, source: context.source ?? null, device: context.device ?? null };
}
