import { DAY_MS, HOUR_MS } from './instant';
import { resolveWallClock, wallClockAt } from './local-time';
import type { Rotation } from './schedule.types';
import type { WallClockMs } from './wall-clock';

/**
 * Turn boundaries of a rotation. Boundary 0 is the anchor; turn k is [boundaryAt(k), boundaryAt(k + 1)).
 * Both functions are O(1): the turn index is computed, never counted from the anchor.
 */
export interface TurnClock {
  boundaryAt(turn: number): number;
  /** Index of the last boundary at or before the instant (negative before the anchor). Rule 4. */
  turnIndexAt(epochMs: number): number;
}

export function createTurnClock(rotation: Rotation, anchor: WallClockMs, timeZone: string): TurnClock {
  if (rotation.kind === 'custom' && rotation.unit === 'hours') {
    return absoluteTurnClock(resolveWallClock(timeZone, anchor), rotation.length * HOUR_MS);
  }
  return wallClockTurnClock(anchor, wallClockTurnDays(rotation), timeZone);
}

function wallClockTurnDays(rotation: Rotation): number {
  switch (rotation.kind) {
    case 'daily':
      return rotation.days ?? 1;
    case 'weekly':
      return 7 * (rotation.weeks ?? 1);
    case 'custom':
      return rotation.length;
  }
}

/** Rule 3: anchor + k·N hours, so the local handoff drifts by the DST change. */
function absoluteTurnClock(anchor: number, turnMs: number): TurnClock {
  return {
    boundaryAt: (turn) => anchor + turn * turnMs,
    turnIndexAt: (epochMs) => Math.floor((epochMs - anchor) / turnMs),
  };
}

/** Rule 2: the local handoff time on anchor date + k·N days, resolved with rule 6 (23/25/167/169 h turns). */
function wallClockTurnClock(anchor: WallClockMs, days: number, timeZone: string): TurnClock {
  const turnWallMs = days * DAY_MS;
  const boundaryAt = (turn: number): number => resolveWallClock(timeZone, anchor + turn * turnWallMs);
  const turnIndexAt = (epochMs: number): number => {
    // The clock reads at least boundary `turn` at epochMs, so by rule 6 that boundary is at or before it.
    // Only during a repeated hour can the next boundary (resolved to its first occurrence) also be.
    let turn = Math.floor((wallClockAt(timeZone, epochMs) - anchor) / turnWallMs);
    while (boundaryAt(turn + 1) <= epochMs) turn++;
    return turn;
  };
  return { boundaryAt, turnIndexAt };
}
