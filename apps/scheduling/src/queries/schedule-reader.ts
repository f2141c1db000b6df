import { Injectable } from '@nestjs/common';
import { OnCallNowEntry, ShiftView } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { renderScheduleHistory, whoIsOnCallInHistory } from '@oncall/scheduling-domain';
import { currentRevision, LoadedSchedule, toHistory } from '../store/schedule-rows';
import { ScheduleStore } from '../store/schedule-store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longest window one render may ask for (a year, plus slack for zones). */
const MAX_WINDOW_MS = 370 * DAY_MS;
/** How far "next on call" looks ahead. */
const NEXT_HORIZON_MS = 31 * DAY_MS;

export interface UserShift extends ShiftView {
  scheduleId: string;
  scheduleName: string;
}

/** Read side: renders schedules through the engine, always inside one organization. */
@Injectable()
export class ScheduleReader {
  constructor(private readonly store: ScheduleStore) {}

  async render(orgId: string, scheduleId: string, from: string, to: string): Promise<ShiftView[]> {
    const window = checkedWindow(from, to);
    const schedule = await this.store.load(this.store.db, orgId, scheduleId, {
      overridesAfter: window.start,
    });
    return renderScheduleHistory(toHistory(schedule), window);
  }

  async whoIsOnCall(orgId: string, scheduleId: string, at: string): Promise<string | null> {
    const instant = new Date(at);
    if (Number.isNaN(instant.getTime())) throw invalid('at', 'must be an ISO-8601 instant');
    const schedule = await this.store.load(this.store.db, orgId, scheduleId, { overridesAfter: instant });
    return whoIsOnCallInHistory(toHistory(schedule), instant)?.userId ?? null;
  }

  /** For every schedule: who is on call now, until when, and who is next. */
  async onCallNow(orgId: string, now = new Date()): Promise<OnCallNowEntry[]> {
    const schedules = await this.store.loadAll(this.store.db, orgId, now);
    return schedules.map((schedule) => onCallEntry(schedule, now));
  }

  async userShifts(orgId: string, userId: string, from: string, to: string): Promise<UserShift[]> {
    const window = checkedWindow(from, to);
    const schedules = await this.store.loadAll(this.store.db, orgId, window.start);
    return schedules
      .flatMap((schedule) =>
        renderScheduleHistory(toHistory(schedule), window)
          .filter((shift) => shift.userId === userId)
          .map((shift) => ({ ...shift, scheduleId: schedule.row.id, scheduleName: schedule.row.name })),
      )
      .sort((a, b) => a.start.localeCompare(b.start));
  }
}

function onCallEntry(schedule: LoadedSchedule, now: Date): OnCallNowEntry {
  const horizon = new Date(now.getTime() + NEXT_HORIZON_MS);
  const shifts = renderScheduleHistory(toHistory(schedule), { start: now, end: horizon });
  const current = shifts[0] && new Date(shifts[0].start) <= now ? shifts[0] : undefined;
  const next = shifts.find((shift) => shift !== current && shift.userId !== current?.userId);
  return {
    scheduleId: schedule.row.id,
    scheduleName: schedule.row.name,
    timeZone: currentRevision(schedule).time_zone,
    // A shift reaching the horizon has no end in sight: its end there is only where the render stopped.
    onCall: current
      ? {
          userId: current.userId,
          source: current.source,
          until: Date.parse(current.end) < horizon.getTime() ? current.end : null,
        }
      : null,
    next: next ? { userId: next.userId, start: next.start } : null,
  };
}

function checkedWindow(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(from);
  const end = new Date(to);
  if (Number.isNaN(start.getTime())) throw invalid('from', 'must be an ISO-8601 instant');
  if (Number.isNaN(end.getTime()) || end <= start)
    throw invalid('to', 'must be an ISO-8601 instant after from');
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS)
    throw invalid('to', 'the window may span at most 370 days');
  return { start, end };
}

function invalid(field: string, message: string): RpcError {
  return new RpcError('VALIDATION_FAILED', `${field} ${message}`, {
    errors: [{ field, message: `${field} ${message}` }],
  });
}
