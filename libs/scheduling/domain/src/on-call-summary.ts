import type { Assignment } from './assignment';
import { DAY_MS, toEpochMs, toInstant } from './instant';
import { historyReader, type ScheduleHistory } from './schedule-history';
import type { Instant, InstantInput, ShiftSource } from './schedule.types';

/** How far ahead "until" and "next" are looked for; beyond it the answer is "not in sight" (null). */
export const ON_CALL_HORIZON_MS = 31 * DAY_MS;
/** The first stretch rendered; each further one is twice as long, up to the horizon. */
const FIRST_STEP_MS = 2 * DAY_MS;

export interface OnCallSummary {
  /** Who is on call at `now`, from which source, and until when that person stays on call (null: beyond the horizon). */
  readonly onCall: { userId: string; source: ShiftSource; until: Instant | null } | null;
  /** The first other person to come on call, and when. */
  readonly next: { userId: string; start: Instant } | null;
}

/**
 * "Who is on call now, until when, and who is next" for one schedule. `until` is when the current person
 * stops being on call: consecutive shifts of the same person join whatever their source (a layer turn
 * followed by an override for them is one stretch). "Now" is answered like whoIsOnCallInHistory; then a
 * short stretch is rendered, and further ones, each twice as long, only while nothing changes.
 */
export function onCallSummary(history: ScheduleHistory, now: InstantInput): OnCallSummary {
  const from = toEpochMs(now);
  const reader = historyReader(history);
  const current = reader.at(from);
  const scan = { until: current ? from : null, next: null as Assignment | null };
  const horizon = from + ON_CALL_HORIZON_MS;
  for (let start = from, length = FIRST_STEP_MS; start < horizon && !scan.next; length *= 2) {
    const end = Math.min(start + length, horizon);
    for (const piece of reader.render(start, end)) {
      if (current && scan.until === piece.start && piece.userId === current.userId) scan.until = piece.end;
      else if (piece.userId !== current?.userId) {
        scan.next = piece;
        break;
      }
    }
    start = end;
  }
  const until = scan.until !== null && scan.until < horizon ? toInstant(scan.until) : null;
  return {
    onCall: current ? { userId: current.userId, source: current.source, until } : null,
    next: scan.next ? { userId: scan.next.userId, start: toInstant(scan.next.start) } : null,
  };
}
