import {
  INCIDENT_COMMAND_REQUESTED,
  MessageEnvelope,
  NOTIFICATION_DELIVERED,
  NotificationAttempted,
  NOTIFY_REQUESTED,
  toKebabCase,
} from '@oncall/contracts';
import { ActivitySource, RecordActivity } from '@oncall/incident-domain';

type ActivityData = Omit<RecordActivity['data'], 'orgId'>;

/**
 * The timeline entry for an escalation fact: its own sentence when it carries one (`summary`), else the
 * fact's name in words. NotifyRequested is not a fact of the walk (StepFired says who was paged), nor is a
 * command the engine sends incident-state (its outcome is the incident's own event).
 */
export function activityOfEscalationFact(envelope: MessageEnvelope): ActivityData | null {
  const data = envelope.data as { incidentId?: unknown; summary?: unknown };
  const notFacts: string[] = [NOTIFY_REQUESTED, INCIDENT_COMMAND_REQUESTED];
  if (notFacts.includes(envelope.type) || typeof data?.incidentId !== 'string') return null;
  return activity('escalation', envelope, data.incidentId, sentenceOr(data.summary, inWords(envelope.type)));
}

/**
 * The timeline entry for a PSA fact: "PSA ticket pending", "PSA ticket delayed: ...", the PSA's refusal.
 * TicketCreated is not one: it links the ticket (LinkTicket), and TicketLinked is its entry.
 */
export function activityOfPsaFact(envelope: MessageEnvelope): ActivityData | null {
  const data = envelope.data as { incidentId?: unknown; summary?: unknown };
  if (envelope.type === 'TicketCreated' || typeof data?.incidentId !== 'string') return null;
  return activity('psa', envelope, data.incidentId, sentenceOr(data.summary, inWords(envelope.type)));
}

/** The timeline entry for a delivery attempt: "Email to t***@example.com delivered (attempt 1, 230 ms)". */
export function activityOfNotification(envelope: MessageEnvelope): ActivityData | null {
  const attempt = envelope.data as NotificationAttempted;
  if (typeof attempt?.incidentId !== 'string') return null;
  const delivered = envelope.type === NOTIFICATION_DELIVERED;
  const outcome = delivered ? 'delivered' : attempt.final ? 'failed for good' : 'failed, will retry';
  const latency =
    attempt.latencyMs === null || attempt.latencyMs === undefined ? '' : `, ${attempt.latencyMs} ms`;
  const channel = attempt.channel === 'email' ? 'Email' : capitalized(attempt.channel);
  const summary = `${channel} to ${attempt.maskedAddress} ${outcome} (attempt ${attempt.attempt}${latency})`;
  return activity('notification', envelope, attempt.incidentId, summary);
}

function activity(source: ActivitySource, envelope: MessageEnvelope, incidentId: string, summary: string) {
  return {
    incidentId,
    activityId: envelope.metadata.eventId,
    source,
    kind: toKebabCase(envelope.type),
    summary,
    detail: envelope.data as Record<string, unknown>,
  };
}

function sentenceOr(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && candidate.trim().length > 0 ? candidate : fallback;
}

function inWords(type: string): string {
  const words = toKebabCase(type).replace(/-/g, ' ');
  return capitalized(words);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
