import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { OverrideView, Queries, Commands } from '@oncall/contracts';
import { Caller, personActorOf, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { BusRequests } from './bus-requests';
import { CreateOverrideDto } from './override.dto';
import { ScheduleReferences } from './schedule-references';
import { TimeWindowQueryDto } from './time-window.dto';
import { WindowedQueries } from './windowed-queries';
import { ApiController } from '../shared/api-controller.decorator';

/**
 * Overrides of one schedule. Who may create or remove which override is decided by scheduling, which sees
 * the final schedule as it stands (ADR 0010): admin-api passes the person acting along.
 */
@ApiController('schedules', 'api/v1/schedules/:id/overrides')
export class OverridesController {
  constructor(
    private readonly requests: BusRequests,
    private readonly references: ScheduleReferences,
    private readonly windowed: WindowedQueries,
  ) {}

  /** Overrides overlapping `[from, to)` (now … +14 days by default), earliest first. */
  @Get()
  @Requires('schedules:read')
  async list(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimeWindowQueryDto,
  ): Promise<{ items: OverrideView[] }> {
    const data = { scheduleId: id };
    const items = await this.windowed.ask<OverrideView[]>(
      caller,
      Queries.scheduling.listOverrides,
      data,
      query,
    );
    return { items };
  }

  @Post()
  @Requires('overrides:write-own')
  async create(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateOverrideDto,
  ): Promise<OverrideView> {
    // Another organization's schedule is a 404 before anything in the body is looked at.
    await this.requests.ask(caller, Queries.scheduling.getSchedule, { scheduleId: id });
    await this.references.checkOverride(caller.orgId, body.userId);
    return this.requests.ask(caller, Commands.scheduling.createOverride, {
      actor: personActorOf(caller),
      scheduleId: id,
      userId: body.userId,
      start: body.start,
      end: body.end,
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
    });
  }

  /** An override under way is ended now rather than erased (the past stays as it was). */
  @Delete(':overrideId')
  @HttpCode(204)
  @Requires('overrides:write-own')
  async remove(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('overrideId', ParseUUIDPipe) overrideId: string,
  ): Promise<void> {
    await this.requests.ask(caller, Commands.scheduling.deleteOverride, {
      actor: personActorOf(caller),
      scheduleId: id,
      overrideId,
    });
  }
}
