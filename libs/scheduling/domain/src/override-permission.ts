import { toEpochMs } from './instant';
import type { Instant, InstantInput, Layer, Shift } from './schedule.types';

export interface ProposedOverride {
  readonly userId: string;
  readonly start: Instant;
  readonly end: Instant;
}

/** The person asking, with the role the API verified ('manager' | 'technician' | anything else). */
export interface OverrideActor {
  readonly userId: string;
  readonly role: string;
}

export type OverrideDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: OverrideDecision = { allowed: true };

/**
 * Managers may create any override; technicians follow the self-service rule; every other role (owners,
 * roles this code does not know) is refused.
 */
export function mayCreateOverride(
  actor: OverrideActor,
  scheduleParticipants: readonly string[],
  shiftsInWindow: readonly Shift[],
  override: ProposedOverride,
): OverrideDecision {
  if (actor.role === 'manager') return ALLOWED;
  if (actor.role === 'technician') {
    return technicianMayCreateOverride(actor.userId, scheduleParticipants, shiftsInWindow, override);
  }
  return refusedRole(actor.role);
}

/**
 * The self-service rule for technicians: a technician must be in the schedule, and may either take a
 * window themselves, or hand a window to a colleague only if every moment of it is their own rotation
 * turn in the final schedule as it stands. Time they hold through an override does not count: taking a
 * colleague's window does not make it theirs to give away.
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
  if (override.userId === technicianId) return ALLOWED;
  const ownTurns = shiftsInWindow.filter(
    (shift) => shift.userId === technicianId && shift.source.kind === 'layer',
  );
  if (coveredBy(ownTurns, toEpochMs(override.start), toEpochMs(override.end))) return ALLOWED;
  return {
    allowed: false,
    reason:
      'You can only hand over time that is your own shift in the rotation; part of this window is not yours.',
  };
}

/** Managers may end or delete any override; technicians only those they created; other roles none. */
export function mayRemoveOverride(actor: OverrideActor, override: { createdBy: string }): OverrideDecision {
  if (actor.role === 'manager') return ALLOWED;
  if (actor.role !== 'technician') return refusedRole(actor.role);
  return override.createdBy === actor.userId
    ? ALLOWED
    : { allowed: false, reason: 'Technicians can only remove overrides they created.' };
}

/** The people "in" a schedule: participants of its layers that have not ended by `now`. */
export function participantsAt(layers: readonly Layer[], now: InstantInput): string[] {
  const at = toEpochMs(now);
  const running = layers.filter((layer) => !layer.end || toEpochMs(layer.end) > at);
  return [...new Set(running.flatMap((layer) => layer.participants))];
}

function refusedRole(role: string): OverrideDecision {
  return {
    allowed: false,
    reason:
      role === 'owner' ? 'Owners cannot change schedules.' : `The role "${role}" cannot change overrides.`,
  };
}

function coveredBy(shifts: readonly Shift[], from: number, to: number): boolean {
  let cursor = from;
  const spans = shifts
    .map((shift) => ({ start: toEpochMs(shift.start), end: toEpochMs(shift.end) }))
    .sort((a, b) => a.start - b.start);
  for (const span of spans) {
    if (span.start > cursor) return false;
    cursor = Math.max(cursor, span.end);
    if (cursor >= to) return true;
  }
  return cursor >= to;
}
