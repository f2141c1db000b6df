import { localDateTimeAt, resolveLocalDateTime } from '@oncall/scheduling-domain';
import { addDays, isoWeekdayOf } from '@oncall/shared-time';

/** A window covers one service's alerts, or every alert of one client (whatever service it reaches). */
export type MaintenanceScope = { serviceId: string } | { clientId: string };

export interface OneOffMaintenance {
  windowId: string;
  scope: MaintenanceScope;
  kind: 'one-off';
  /** Instants, the window being [startsAt, endsAt). */
  startsAt: string;
  endsAt: string;
}

/**
 * Every week on `days` (ISO weekdays, 1 = Monday, the day the window starts) from `start` to `end`
 * ('HH:mm') on the clock of `timeZone` (the client's zone when the window is a client's). An `end` at or
 * before `start` runs past midnight: "Tuesday 22:00–02:00" ends on Wednesday. `from`/`until` (instants)
 * bound the series.
 */
export interface WeeklyMaintenance {
  windowId: string;
  scope: MaintenanceScope;
  kind: 'weekly';
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  from?: string;
  until?: string;
}

export type MaintenanceWindow = OneOffMaintenance | WeeklyMaintenance;

/** The windows that cover an alert of `serviceId` for our client `clientId` (null: no known client). */
export function windowsCovering(
  target: { serviceId: string; clientId: string | null },
  windows: readonly MaintenanceWindow[],
): MaintenanceWindow[] {
  return windows.filter(({ scope }) =>
    'serviceId' in scope ? scope.serviceId === target.serviceId : scope.clientId === target.clientId,
  );
}

/** The first of `windows` that `at` falls in, or null: alerts inside one are recorded, not paged. */
export function inMaintenance(at: string, windows: readonly MaintenanceWindow[]): MaintenanceWindow | null {
  const instant = Date.parse(at);
  return windows.find((window) => covers(window, instant)) ?? null;
}

function covers(window: MaintenanceWindow, instant: number): boolean {
  if (window.kind === 'one-off')
    return Date.parse(window.startsAt) <= instant && instant < Date.parse(window.endsAt);
  if (window.from !== undefined && instant < Date.parse(window.from)) return false;
  if (window.until !== undefined && instant >= Date.parse(window.until)) return false;
  return onTheWallClock(window, instant);
}

const DAY_MS = 86_400_000;

/**
 * Whether `instant` is in an occurrence of the window that started on the local day of `instant` or the
 * day before (an occurrence lasts at most a day, plus an hour on the fall-back night).
 */
function onTheWallClock(window: WeeklyMaintenance, instant: number): boolean {
  const today = localDateTimeAt(new Date(instant), window.timeZone).slice(0, 10);
  return [addDays(today, -1), today].some((date) => {
    if (!window.days.includes(isoWeekdayOf(date))) return false;
    const endDate = window.end <= window.start ? addDays(date, 1) : date;
    const start = resolveLocalDateTime(`${date}T${window.start}`, window.timeZone).getTime();
    return start <= instant && instant < lastInstantShowing(`${endDate}T${window.end}`, window.timeZone);
  });
}

/**
 * An occurrence runs from the first moment the clock shows its start to the last moment it shows its
 * end, so DST never interrupts it: on the fall-back night "23:00–02:30" lasts through both 02:30s; on the
 * spring-forward night a start or end the clock skips is the moment it jumps past it.
 */
function lastInstantShowing(reading: string, timeZone: string): number {
  const first = resolveLocalDateTime(reading, timeZone).getTime();
  const wall = Date.parse(`${reading}Z`);
  const candidates = [wall - DAY_MS, wall + DAY_MS].map((near) => wall - offsetAt(near, timeZone));
  const showing = candidates.filter(
    (candidate) => localDateTimeAt(new Date(candidate), timeZone) === reading,
  );
  return Math.max(first, ...showing);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return Date.parse(`${localDateTimeAt(new Date(instant), timeZone)}Z`) - instant;
}
