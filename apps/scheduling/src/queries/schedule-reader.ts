import { Inject, Injectable } from '@nestjs/common';
import { OnCallNowEntry, ShiftView } from '@oncall/contracts';
import {
  DAY_MS,
  ON_CALL_HORIZON_MS,
  onCallSummary,
  renderScheduleHistory,
  whoIsOnCallInHistory,
} from '@oncall/scheduling-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { invalidField, parseInstant } from '../shared/parse-instant';
import { currentRevision, toHistory } from '../store/schedule-rows';
import { LoadOptions, ScheduleStore } from '../store/schedule-store';

/** Longest window one render may ask for (a year, plus slack for zones). */
const MAX_WINDOW_MS = 370 * DAY_MS;

export interface UserShift extends ShiftView {
  scheduleId: string;
  scheduleName: string;
}

/** Read side: renders schedules through the engine, always inside one organization. */
@Injectable()
export class ScheduleReader {
  constructor(
    private readonly store: ScheduleStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async render(orgId: string, scheduleId: string, from: unknown, to: unknown): Promise<ShiftView[]> {
    const window = checkedWindow(from, to);
    const schedule = await this.store.load(
      this.store.db,
      orgId,
      scheduleId,
      readsFor(window.start, window.end),
    );
    return renderScheduleHistory(toHistory(schedule), window);
  }

  async whoIsOnCall(orgId: string, scheduleId: string, at: unknown): Promise<string | null> {
    const instant = parseInstant('at', at);
    const reads = readsFor(instant, new Date(instant.getTime() + 1));
    const schedule = await this.store.load(this.store.db, orgId, scheduleId, reads);
    return whoIsOnCallInHistory(toHistory(schedule), instant)?.userId ?? null;
  }

  /** For every schedule: who is on call now, until when, and who is next (within 31 days). */
  async onCallNow(orgId: string, now = this.clock.now()): Promise<OnCallNowEntry[]> {
    const horizon = new Date(now.getTime() + ON_CALL_HORIZON_MS);
    const schedules = await this.store.loadAll(this.store.db, orgId, readsFor(now, horizon));
    return schedules.map((schedule) => ({
      scheduleId: schedule.row.id,
      scheduleName: schedule.row.name,
      timeZone: currentRevision(schedule).time_zone,
      ...onCallSummary(toHistory(schedule), now),
    }));
  }

  async userShifts(orgId: string, userId: string, from: unknown, to: unknown): Promise<UserShift[]> {
    const window = checkedWindow(from, to);
    const schedules = await this.store.loadAll(this.store.db, orgId, readsFor(window.start, window.end));
    return schedules
      .flatMap((schedule) =>
        renderScheduleHistory(toHistory(schedule), window)
          .filter((shift) => shift.userId === userId)
          .map((shift) => ({ ...shift, scheduleId: schedule.row.id, scheduleName: schedule.row.name })),
      )
      .sort((a, b) => a.start.localeCompare(b.start));
  }
}

/** What rendering [start, end) needs: the revisions in force from `start`, the overrides overlapping it. */
function readsFor(start: Date, end: Date): LoadOptions {
  return { revisionsFrom: start, overrides: { after: start, before: end } };
}

function checkedWindow(from: unknown, to: unknown): { start: Date; end: Date } {
  const start = parseInstant('from', from);
  const end = parseInstant('to', to);
  if (end <= start) throw invalidField('to', 'must be after from');
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS) {
    throw invalidField('to', 'the window may span at most 370 days');
  }
  return { start, end };
}
