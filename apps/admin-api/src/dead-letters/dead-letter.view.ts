import { DeadLetter } from '@oncall/contracts';

/** A dead letter as an organization's managers see it: what was given up on and why, never internals. */
export interface DeadLetterView {
  /** Its place in the dead-letter stream; pages go by it. */
  sequence: number;
  failedAt: string;
  /** The message's type, e.g. AlertReceived. */
  messageType: string | null;
  eventId: string | null;
  attempts: number;
  /** True when no retry could have helped (refused, or data that cannot be stored). */
  permanent: boolean;
  reason: string;
  /** The message's own data (for an alert, the alert as the gateway accepted it); null when cut short. */
  data: unknown;
  bodyTruncated: boolean;
}

interface EnvelopeLike {
  type?: unknown;
  data?: unknown;
  metadata?: { eventId?: unknown };
}

export function toDeadLetterView(
  sequence: number,
  letter: DeadLetter,
  messageType: string | null,
): DeadLetterView {
  const envelope = parseEnvelope(letter.bodyTruncated ? '' : letter.body);
  return {
    sequence,
    failedAt: letter.failedAt,
    messageType: messageType ?? (typeof envelope?.type === 'string' ? envelope.type : null),
    eventId: typeof envelope?.metadata?.eventId === 'string' ? envelope.metadata.eventId : null,
    attempts: letter.attempts,
    permanent: letter.permanent ?? false,
    reason: letter.reason ?? 'Handling failed; the service’s log says why.',
    data: envelope?.data ?? null,
    bodyTruncated: letter.bodyTruncated ?? false,
  };
}

function parseEnvelope(body: string): EnvelopeLike | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as EnvelopeLike) : null;
  } catch {
    return null;
  }
}
