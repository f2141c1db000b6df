import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  CoverageGapView,
  listCursors,
  OnCallNowEntry,
  OverrideView,
  Queries,
  ListSchedulesRequest,
  ScheduleIdRequest,
  SchedulePage,
  ScheduleView,
  ShiftView,
  WhoIsOnCallAnswer,
  WhoIsOnCallRequest,
  WindowRequest,
} from '@oncall/contracts';
import { OrgRequest, readCursor } from '@oncall/platform-messaging';
import { parseInstant } from '../shared/parse-instant';
import { listGaps } from '../coverage/gap-rows';
import { OverrideStore } from '../store/override-store';
import { toOverrideView, toScheduleView } from '../store/schedule-rows';
import { ScheduleStore } from '../store/schedule-store';
import { ScheduleReader, UserShift } from './schedule-reader';

/** Read-only questions about schedules, answered for the organization of the request. */
@Controller()
export class ScheduleQueriesHandler {
  constructor(
    private readonly store: ScheduleStore,
    private readonly overrideStore: OverrideStore,
    private readonly reader: ScheduleReader,
  ) {}

  @MessagePattern(Queries.scheduling.listSchedules)
  async list(@OrgRequest() { orgId, data }: OrgRequest<ListSchedulesRequest>): Promise<SchedulePage> {
    const limit = Math.min(Math.max(data.limit ?? 50, 1), 200);
    const after = data.cursor ? afterOf(data.cursor) : undefined;
    const page = await this.store.loadPage(this.store.db, orgId, { after, limit });
    const items = page.schedules.map(toScheduleView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: page.hasMore && last ? listCursors.ms.encode([last.createdAt, last.id]) : null,
    };
  }

  @MessagePattern(Queries.scheduling.getSchedule)
  async get(@OrgRequest() { orgId, data }: OrgRequest<ScheduleIdRequest>): Promise<ScheduleView> {
    return toScheduleView(await this.store.load(this.store.db, orgId, data.scheduleId));
  }

  @MessagePattern(Queries.scheduling.renderSchedule)
  async render(
    @OrgRequest() { orgId, data }: OrgRequest<ScheduleIdRequest & WindowRequest>,
  ): Promise<{ shifts: ShiftView[] }> {
    const { scheduleId, from, to } = data;
    return { shifts: await this.reader.render(orgId, scheduleId, from, to) };
  }

  @MessagePattern(Queries.scheduling.listOverrides)
  async overrides(
    @OrgRequest() { orgId, data }: OrgRequest<ScheduleIdRequest & WindowRequest>,
  ): Promise<OverrideView[]> {
    const { scheduleId } = data;
    const from = parseInstant('from', data.from);
    const to = parseInstant('to', data.to);
    await this.store.load(this.store.db, orgId, scheduleId);
    const rows = await this.overrideStore.overlapping(this.store.db, orgId, scheduleId, from, to);
    return rows.map(toOverrideView);
  }

  @MessagePattern(Queries.scheduling.who)
  async who(@OrgRequest() { orgId, data }: OrgRequest<WhoIsOnCallRequest>): Promise<WhoIsOnCallAnswer> {
    const { scheduleId, at } = data;
    return { scheduleId, at, userId: await this.reader.whoIsOnCall(orgId, scheduleId, at) };
  }

  @MessagePattern(Queries.scheduling.onCallNow)
  onCallNow(@OrgRequest() { orgId }: OrgRequest<object>): Promise<OnCallNowEntry[]> {
    return this.reader.onCallNow(orgId);
  }

  @MessagePattern(Queries.scheduling.userShifts)
  userShifts(
    @OrgRequest() { orgId, data }: OrgRequest<{ userId: string } & WindowRequest>,
  ): Promise<UserShift[]> {
    const { userId, from, to } = data;
    return this.reader.userShifts(orgId, userId, from, to);
  }

  @MessagePattern(Queries.scheduling.coverageGaps)
  async coverageGaps(
    @OrgRequest() { orgId, data }: OrgRequest<{ scheduleId?: string }>,
  ): Promise<CoverageGapView[]> {
    const rows = await listGaps(this.store.db, orgId, data.scheduleId ?? null);
    return rows.map((row) => ({
      scheduleId: row.schedule_id,
      scheduleName: row.name,
      start: row.starts_at.toISOString(),
      end: row.ends_at.toISOString(),
      detectedAt: row.detected_at.toISOString(),
    }));
  }
}

function afterOf(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = readCursor(listCursors.ms, cursor);
  return { createdAt, id };
}
