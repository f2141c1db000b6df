import type { AcknowledgementRecord, PageRecord, ReportWindow, ShiftRecord } from './report.types';
import {
  type BusinessHours,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_SLEEP_HOURS,
  duringBusinessHours,
  duringSleepHours,
  type SleepHours,
} from './working-hours';
import { zonedParts } from './zoned-time';

/** A technician and the zone their own clock runs in (the directory's user time zone). */
export interface Technician {
  readonly userId: string;
  readonly timeZone: string;
}

export interface BurdenInput {
  readonly window: ReportWindow;
  readonly people: readonly Technician[];
  readonly shifts: readonly ShiftRecord[];
  readonly pages: readonly PageRecord[];
  readonly acknowledgements: readonly AcknowledgementRecord[];
  readonly businessHours?: BusinessHours;
  readonly sleepHours?: SleepHours;
}

export interface PersonBurden {
  readonly userId: string;
  readonly timeZone: string;
  /** Hours within the window in which the person was on call in at least one schedule. */
  readonly hoursOnCall: number;
  readonly pages: number;
  readonly pagesOutsideBusinessHours: number;
  readonly pagesDuringSleepHours: number;
  readonly incidentsAcknowledged: number;
}

const HOUR_MS = 3_600_000;

/** On-call burden of each person over the window, every local-time rule read in the person's own zone. */
export function burdenOf(input: BurdenInput): PersonBurden[] {
  const from = Date.parse(input.window.from);
  const to = Date.parse(input.window.to);
  const inWindow = (at: string) => Date.parse(at) >= from && Date.parse(at) < to;
  const business = input.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const sleep = input.sleepHours ?? DEFAULT_SLEEP_HOURS;
  return input.people.map(({ userId, timeZone }) => {
    const pages = input.pages.filter((page) => page.userId === userId && inWindow(page.at));
    const local = pages.map((page) => zonedParts(Date.parse(page.at), timeZone));
    const shifts = input.shifts.filter((shift) => shift.userId === userId);
    return {
      userId,
      timeZone,
      hoursOnCall: coveredMs(shifts, from, to) / HOUR_MS,
      pages: pages.length,
      pagesOutsideBusinessHours: local.filter((parts) => !duringBusinessHours(parts, business)).length,
      pagesDuringSleepHours: local.filter((parts) => duringSleepHours(parts, sleep)).length,
      incidentsAcknowledged: new Set(
        input.acknowledgements
          .filter((ack) => ack.userId === userId && inWindow(ack.at))
          .map((ack) => ack.incidentId),
      ).size,
    };
  });
}

/** Length of the union of the shifts, clipped to [from, to): overlapping schedules count once. */
export function coveredMs(shifts: readonly ShiftRecord[], from: number, to: number): number {
  const spans = shifts
    .map((shift) => [Math.max(from, Date.parse(shift.start)), Math.min(to, Date.parse(shift.end))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [start, end] of spans) {
    if (end <= reached) continue;
    total += end - Math.max(start, reached);
    reached = end;
  }
  return total;
}
