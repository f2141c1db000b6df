import { type Assignment, isSameUserAndSource } from './assignment';
import { toEpochMs, toInstant } from './instant';
import { clipToSpans, mergeTouching } from './intervals';
import {
  isInsideRestrictions,
  prepareRestriction,
  type PreparedRestriction,
  restrictionWindows,
} from './restrictions';
import { createTurnClock, type TurnClock } from './rotation';
import type { Layer, LayerShift, ShiftSource, TimeWindow } from './schedule.types';
import { floorMod, parseLocalDateTime } from './wall-clock';

/** A layer with its strings parsed and its zone settled, ready for repeated evaluation. */
export interface PreparedLayer {
  readonly source: ShiftSource;
  readonly timeZone: string;
  readonly participants: readonly string[];
  readonly clock: TurnClock;
  readonly start: number;
  /** Infinity when the layer never ends. */
  readonly end: number;
  readonly restrictions: readonly PreparedRestriction[];
}

export function prepareLayer(layer: Layer, scheduleTimeZone: string): PreparedLayer {
  const timeZone = layer.timeZone ?? scheduleTimeZone;
  return {
    source: { kind: 'layer', layerId: layer.id },
    timeZone,
    participants: layer.participants,
    clock: createTurnClock(layer.rotation, parseLocalDateTime(layer.handoffAnchor), timeZone),
    start: toEpochMs(layer.start),
    end: layer.end ? toEpochMs(layer.end) : Infinity,
    restrictions: layer.restrictions.map(prepareRestriction),
  };
}

/** Rule 5: coverage = turns ∩ restriction windows ∩ [layer start, layer end), within [from, to). */
export function layerAssignments(layer: PreparedLayer, from: number, to: number): Assignment[] {
  const coveredFrom = Math.max(from, layer.start);
  const coveredTo = Math.min(to, layer.end);
  if (coveredFrom >= coveredTo || layer.participants.length === 0) return [];
  const turns = turnsBetween(layer, coveredFrom, coveredTo);
  const covered =
    layer.restrictions.length === 0
      ? turns
      : clipToSpans(turns, restrictionWindows(layer.restrictions, layer.timeZone, coveredFrom, coveredTo));
  return mergeTouching(covered, isSameUserAndSource);
}

/** The user the layer puts on call at an instant, or undefined when it covers nothing there. */
export function layerAssigneeAt(layer: PreparedLayer, epochMs: number): string | undefined {
  if (epochMs < layer.start || epochMs >= layer.end || layer.participants.length === 0) return undefined;
  if (layer.restrictions.length > 0 && !isInsideRestrictions(layer.restrictions, layer.timeZone, epochMs)) {
    return undefined;
  }
  return participantOfTurn(layer, layer.clock.turnIndexAt(epochMs));
}

/** One layer on its own, before precedence and overrides. */
export function renderLayer(layer: Layer, scheduleTimeZone: string, window: TimeWindow): LayerShift[] {
  const prepared = prepareLayer(layer, scheduleTimeZone);
  return layerAssignments(prepared, toEpochMs(window.start), toEpochMs(window.end)).map(
    ({ start, end, userId }) => ({ start: toInstant(start), end: toInstant(end), userId }),
  );
}

function turnsBetween(layer: PreparedLayer, from: number, to: number): Assignment[] {
  const { clock, participants, source } = layer;
  if (participants.length === 1) return [{ start: from, end: to, userId: participants[0], source }];
  const turns: Assignment[] = [];
  let turn = clock.turnIndexAt(from);
  let turnStart = from;
  while (turnStart < to) {
    const turnEnd = Math.min(clock.boundaryAt(turn + 1), to);
    turns.push({ start: turnStart, end: turnEnd, userId: participantOfTurn(layer, turn), source });
    turnStart = turnEnd;
    turn++;
  }
  return turns;
}

function participantOfTurn(layer: PreparedLayer, turn: number): string {
  return layer.participants[floorMod(turn, layer.participants.length)];
}
