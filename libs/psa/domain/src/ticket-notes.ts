import type { Instant } from './psa.types';

/** A note as every PSA adapter is asked to post it. */
export interface TicketNote {
  readonly text: string;
  /** ConnectWise's resolutionFlag, Autotask's note type: the note that closes the story. */
  readonly resolution: boolean;
}

export interface NoteFacts {
  readonly text: string;
  readonly at: Instant;
  /** The person's name when known; null for integrations and the platform. */
  readonly author: string | null;
}

export function noteOf(note: NoteFacts): TicketNote {
  const who = note.author ?? 'On-Call';
  return { text: `${note.text}\n\n— ${who}, in On-Call at ${note.at}`, resolution: false };
}

export type ResolutionReason = 'manual' | 'source' | 'auto' | 'merged';

export interface ResolutionFacts {
  readonly reason: ResolutionReason;
  readonly at: Instant;
  readonly by: string | null;
  readonly mergedInto: string | null;
  readonly triggeredAt: Instant;
  readonly acknowledgedAt: Instant | null;
}

const HOW: Record<ResolutionReason, string> = {
  manual: 'Resolved in On-Call',
  source: 'Resolved by the monitoring tool that raised it',
  auto: 'Resolved automatically by On-Call (auto-resolve)',
  merged: 'Merged into another incident in On-Call',
};

/** The resolution note: how and when, and the response times an MSP bills and reports on. */
export function resolutionNoteOf(facts: ResolutionFacts): TicketNote {
  const who = facts.reason === 'manual' && facts.by ? ` by ${facts.by}` : '';
  const merged = facts.reason === 'merged' && facts.mergedInto ? ` (${facts.mergedInto})` : '';
  const lines = [
    `${HOW[facts.reason]}${merged}${who} at ${facts.at}.`,
    facts.acknowledgedAt
      ? `Time to acknowledge: ${duration(facts.triggeredAt, facts.acknowledgedAt)}.`
      : 'Never acknowledged.',
    `Time to resolve: ${duration(facts.triggeredAt, facts.at)}.`,
  ];
  return { text: lines.join('\n'), resolution: true };
}

/** "3 min", "2 h 05 min", "45 s": what a person reads on a ticket, not a measurement. */
export function duration(from: Instant, to: Instant): string {
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
