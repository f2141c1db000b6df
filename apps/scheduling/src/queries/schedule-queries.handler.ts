import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CoverageGapView,
  listCursors,
  OnCallNowEntry,
  OverrideView,
  Queries,
  RpcRequest,
  ListSchedulesRequest,
  ScheduleIdRequest,
  SchedulePage,
  ScheduleView,
  ShiftView,
  WhoIsOnCallAnswer,
  WhoIsOnCallRequest,
  WindowRequest,
} from '@oncall/contracts';
import { organizationContextOf, readCursor } from '@oncall/platform-messaging';
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
  async list(@Payload() request: RpcRequest<ListSchedulesRequest>): Promise<SchedulePage> {
    const { orgId } = organizationContextOf(request);
    const limit = Math.min(Math.max(request.data.limit ?? 50, 1), 200);
    const after = request.data.cursor ? afterOf(request.data.cursor) : undefined;
    const page = await this.store.loadPage(this.store.db, orgId, { after, limit });
    const items = page.schedules.map(toScheduleView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: page.hasMore && last ? listCursors.ms.encode([last.createdAt, last.id]) : null,
    };
  }

  @MessagePattern(Queries.scheduling.getSchedule)
  async get(@Payload() request: RpcRequest<ScheduleIdRequest>): Promise<ScheduleView> {
    const { orgId } = organizationContextOf(request);
    return toScheduleView(await this.store.load(this.store.db, orgId, request.data.scheduleId));
  }

  @MessagePattern(Queries.scheduling.renderSchedule)
  async render(
    @Payload() request: RpcRequest<ScheduleIdRequest & WindowRequest>,
  ): Promise<{ shifts: ShiftView[] }> {
    const { orgId } = organizationContextOf(request);
    const { scheduleId, from, to } = request.data;
    return { shifts: await this.reader.render(orgId, scheduleId, from, to) };
  }

  @MessagePattern(Queries.scheduling.listOverrides)
  async overrides(
    @Payload() request: RpcRequest<ScheduleIdRequest & WindowRequest>,
  ): Promise<OverrideView[]> {
    const { orgId } = organizationContextOf(request);
    const { scheduleId } = request.data;
    const from = parseInstant('from', request.data.from);
    const to = parseInstant('to', request.data.to);
    await this.store.load(this.store.db, orgId, scheduleId);
    const rows = await this.overrideStore.overlapping(this.store.db, orgId, scheduleId, from, to);
    return rows.map(toOverrideView);
  }

  @MessagePattern(Queries.scheduling.who)
  async who(@Payload() request: RpcRequest<WhoIsOnCallRequest>): Promise<WhoIsOnCallAnswer> {
    const { orgId } = organizationContextOf(request);
    const { scheduleId, at } = request.data;
    return { scheduleId, at, userId: await this.reader.whoIsOnCall(orgId, scheduleId, at) };
  }

  @MessagePattern(Queries.scheduling.onCallNow)
  onCallNow(@Payload() request: RpcRequest<object>): Promise<OnCallNowEntry[]> {
    return this.reader.onCallNow(organizationContextOf(request).orgId);
  }

  @MessagePattern(Queries.scheduling.userShifts)
  userShifts(@Payload() request: RpcRequest<{ userId: string } & WindowRequest>): Promise<UserShift[]> {
    const { userId, from, to } = request.data;
    return this.reader.userShifts(organizationContextOf(request).orgId, userId, from, to);
  }

  @MessagePattern(Queries.scheduling.coverageGaps)
  async coverageGaps(@Payload() request: RpcRequest<{ scheduleId?: string }>): Promise<CoverageGapView[]> {
    const { orgId } = organizationContextOf(request);
    const rows = await listGaps(this.store.db, orgId, request.data.scheduleId ?? null);
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
