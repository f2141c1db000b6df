import type { Assignment } from './assignment';
import { toEpochMs } from './instant';
import { overlay } from './intervals';
import type { Override } from './schedule.types';

export interface PreparedOverride extends Assignment {
  readonly id: string;
  readonly createdAt: number;
}

/** Overrides parsed and ordered by precedence, weakest first (rule 8). */
export function prepareOverrides(overrides: readonly Override[]): PreparedOverride[] {
  return overrides
    .map((override): PreparedOverride => ({
      id: override.id,
      start: toEpochMs(override.start),
      end: toEpochMs(override.end),
      userId: override.userId,
      createdAt: toEpochMs(override.createdAt),
      source: { kind: 'override', overrideId: override.id },
    }))
    .sort(byPrecedence);
}

/**
 * Rule 8: the most recently created override wins; equal creation times are settled by the greater id
 * (plain code-unit order, which suits time-ordered ids such as ULIDs and UUIDv7).
 */
function byPrecedence(weaker: PreparedOverride, stronger: PreparedOverride): number {
  if (weaker.createdAt !== stronger.createdAt) return weaker.createdAt - stronger.createdAt;
  if (weaker.id === stronger.id) return 0;
  return weaker.id < stronger.id ? -1 : 1;
}

/** The visible parts of the overrides within [from, to), sorted and disjoint. */
export function overrideAssignments(
  overrides: readonly PreparedOverride[],
  from: number,
  to: number,
): Assignment[] {
  let painted: Assignment[] = [];
  for (const override of overrides) {
    const start = Math.max(override.start, from);
    const end = Math.min(override.end, to);
    if (start >= end) continue;
    const piece: Assignment = { start, end, userId: override.userId, source: override.source };
    painted = overlay([piece], painted);
  }
  return painted;
}

export function overrideAt(
  overrides: readonly PreparedOverride[],
  epochMs: number,
): PreparedOverride | undefined {
  for (let i = overrides.length - 1; i >= 0; i--) {
    if (overrides[i].start <= epochMs && epochMs < overrides[i].end) return overrides[i];
  }
  return undefined;
}
