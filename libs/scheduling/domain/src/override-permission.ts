import { toEpochMs } from './instant';
import type { Instant, Shift } from './schedule.types';

export interface ProposedOverride {
  readonly userId: string;
  readonly start: Instant;
  readonly end: Instant;
}

export type OverrideDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * The self-service rule for technicians (managers may create any override): a technician must be in the
 * schedule, and may either take a window themselves, or hand a window to a colleague only if every
 * moment of it is their own shift in the final schedule as it stands.
 */
export function technicianMayCreateOverride(
  technicianId: string,
  scheduleParticipants: readonly string[],
  shiftsInWindow: readonly Shift[],
  override: ProposedOverride,
): OverrideDecision {
  if (!scheduleParticipants.includes(technicianId)) {
    return { allowed: false, reason: 'You are not in this schedule, so you cannot create overrides on it.' };
  }
  if (override.userId === technicianId) return { allowed: true };
  if (coveredBy(technicianId, shiftsInWindow, toEpochMs(override.start), toEpochMs(override.end))) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: 'You can only hand over time that is your own shift; part of this window is not yours.',
  };
}

function coveredBy(userId: string, shifts: readonly Shift[], from: number, to: number): boolean {
  let cursor = from;
  const own = shifts
    .filter((shift) => shift.userId === userId)
    .map((shift) => ({ start: toEpochMs(shift.start), end: toEpochMs(shift.end) }))
    .sort((a, b) => a.start - b.start);
  for (const shift of own) {
    if (shift.start > cursor) return false;
    cursor = Math.max(cursor, shift.end);
    if (cursor >= to) return true;
  }
  return cursor >= to;
}
