import { formatInTimeZone } from 'date-fns-tz';
import { resolveLocalDateTime } from '../local-time';
import type { Layer, OnCallAssignment, Restriction, Schedule } from '../schedule.types';

/**
 * A deliberately naive reference model of rules 2–8 for property tests. It shares nothing with the
 * engine but `resolveLocalDateTime` (tested on its own against a brute-force scan): it reads local
 * dates with date-fns-tz, does calendar arithmetic on strings and walks wall-clock turns one by one from the anchor.
 */
export function naiveWhoIsOnCall(schedule: Schedule, at: number): OnCallAssignment | null {
  const covering = schedule.overrides
    .filter((override) => Date.parse(override.start) <= at && at < Date.parse(override.end))
    .sort(
      (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const strongest = covering[covering.length - 1];
  if (strongest) return { userId: strongest.userId, source: { kind: 'override', overrideId: strongest.id } };
  for (const layer of [...schedule.layers].reverse()) {
    const timeZone = layer.timeZone ?? schedule.timeZone;
    if (!naiveLayerCovers(layer, timeZone, at)) continue;
    const turn = naiveTurnIndex(layer, timeZone, at);
    const n = layer.participants.length;
    return { userId: layer.participants[((turn % n) + n) % n], source: { kind: 'layer', layerId: layer.id } };
  }
  return null;
}

/** Whether the layer has someone on call at the instant: participants, [start, end) and restrictions. */
export function naiveLayerCovers(layer: Layer, timeZone: string, at: number): boolean {
  if (layer.participants.length === 0) return false;
  if (at < Date.parse(layer.start) || (layer.end && at >= Date.parse(layer.end))) return false;
  return (
    layer.restrictions.length === 0 || layer.restrictions.some((r) => naiveInsideRestriction(r, timeZone, at))
  );
}

function naiveInsideRestriction(restriction: Restriction, timeZone: string, at: number): boolean {
  const localDate = formatInTimeZone(new Date(at), timeZone, 'yyyy-MM-dd');
  for (let daysBack = -1; daysBack <= 8; daysBack++) {
    const day = addMinutesToLocal(`${localDate}T00:00`, -daysBack * 24 * 60);
    const weekday = ((new Date(`${day}Z`).getUTCDay() + 6) % 7) + 1;
    if (restriction.kind === 'weekly' && weekday !== restriction.startDayOfWeek) continue;
    const localStart = `${day.slice(0, 10)}T${restriction.startTime}`;
    const start = resolveLocalDateTime(localStart, timeZone).getTime();
    const end = resolveLocalDateTime(
      addMinutesToLocal(localStart, restriction.durationMinutes),
      timeZone,
    ).getTime();
    if (start <= at && at < end) return true;
  }
  return false;
}

function naiveTurnIndex(layer: Layer, timeZone: string, at: number): number {
  const { rotation, handoffAnchor } = layer;
  if (rotation.kind === 'custom' && rotation.unit === 'hours') {
    const anchor = resolveLocalDateTime(handoffAnchor, timeZone).getTime();
    return Math.floor((at - anchor) / (rotation.length * 3_600_000));
  }
  const days =
    rotation.kind === 'daily'
      ? (rotation.days ?? 1)
      : rotation.kind === 'weekly'
        ? 7 * (rotation.weeks ?? 1)
        : rotation.length;
  const boundary = (turn: number) =>
    resolveLocalDateTime(addMinutesToLocal(handoffAnchor, turn * days * 24 * 60), timeZone).getTime();
  let turn = 0;
  while (boundary(turn) > at) turn--;
  while (boundary(turn + 1) <= at) turn++;
  return turn;
}

/** Calendar arithmetic on a zone-less 'YYYY-MM-DDTHH:mm' string. */
export function addMinutesToLocal(localDateTime: string, minutes: number): string {
  return new Date(Date.parse(`${localDateTime}Z`) + minutes * 60_000).toISOString().slice(0, 16);
}
