import { Inject, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Queries, ShiftView, WhoIsOnCallAnswer } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { IsOptional } from 'class-validator';
import { Requires } from '../auth/requires.decorator';
import { BusRequests } from './bus-requests';
import { DirectoryPeople, Person } from './directory-people';
import { IsInstant } from './instant.validator';
import { TimeWindowQueryDto } from './time-window.dto';
import { WindowedQueries } from './windowed-queries';
import { ApiController } from '../shared/api-controller.decorator';

export class OnCallAtQueryDto {
  /** The instant asked about; now when omitted. */
  @IsOptional()
  @IsInstant()
  at?: string;
}

export interface NamedShift extends ShiftView {
  /** The person's name in the directory; null if the user is unknown to it. */
  userName: string | null;
}

export interface OnCallAtAnswer extends WhoIsOnCallAnswer {
  user: Person | null;
}

/** The final schedule (layers + overrides) as the calendar shows it, and who is on call at an instant. */
@ApiController('schedules', 'api/v1/schedules/:id')
export class ScheduleRenderController {
  constructor(
    private readonly requests: BusRequests,
    private readonly windowed: WindowedQueries,
    private readonly people: DirectoryPeople,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Shifts `{start, end, userId, userName, source}` over `[from, to)` (now … +14 days by default). */
  @Get('shifts')
  @Requires('schedules:read')
  async shifts(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimeWindowQueryDto,
  ): Promise<{ shifts: NamedShift[] }> {
    const { shifts } = await this.windowed.ask<{ shifts: ShiftView[] }>(
      caller,
      Queries.scheduling.renderSchedule,
      { scheduleId: id },
      query,
    );
    const people = await this.people.byId(
      caller.orgId,
      shifts.map((shift) => shift.userId),
    );
    return {
      shifts: shifts.map((shift) => ({ ...shift, userName: people.get(shift.userId)?.name ?? null })),
    };
  }

  @Get('on-call')
  @Requires('schedules:read')
  async onCallAt(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: OnCallAtQueryDto,
  ): Promise<OnCallAtAnswer> {
    const at = (query.at ? new Date(query.at) : this.clock.now()).toISOString();
    const answer = await this.requests.ask<WhoIsOnCallAnswer>(caller, Queries.scheduling.who, {
      scheduleId: id,
      at,
    });
    const people = await this.people.byId(caller.orgId, [answer.userId]);
    return { ...answer, user: (answer.userId && people.get(answer.userId)) || null };
  }
}
