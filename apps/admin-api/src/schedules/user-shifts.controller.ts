import { Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Queries, ShiftView } from '@oncall/contracts';
import { Caller, personActorOf, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { DirectoryPeople } from './directory-people';
import { TimeWindowQueryDto } from './time-window.dto';
import { WindowedQueries } from './windowed-queries';
import { ApiController } from '../shared/api-controller.decorator';

/** A shift of one person, with the schedule it belongs to. */
export interface UserShiftView extends ShiftView {
  scheduleId: string;
  scheduleName: string;
}

/** A person's upcoming shifts across every schedule of the organization (now … +14 days by default). */
@ApiController('schedules', 'api/v1')
export class UserShiftsController {
  constructor(
    private readonly windowed: WindowedQueries,
    private readonly people: DirectoryPeople,
  ) {}

  @Get('users/:id/shifts')
  @Requires('schedules:read')
  async ofUser(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimeWindowQueryDto,
  ): Promise<{ items: UserShiftView[] }> {
    await this.people.requireUser(caller.orgId, id);
    return this.shifts(caller, id, query);
  }

  @Get('me/shifts')
  @Requires('schedules:read')
  mine(
    @Caller() caller: RequestContext,
    @Query() query: TimeWindowQueryDto,
  ): Promise<{ items: UserShiftView[] }> {
    return this.shifts(caller, personActorOf(caller).userId, query);
  }

  private async shifts(
    caller: RequestContext,
    userId: string,
    query: TimeWindowQueryDto,
  ): Promise<{ items: UserShiftView[] }> {
    const items = await this.windowed.ask<UserShiftView[]>(
      caller,
      Queries.scheduling.userShifts,
      { userId },
      query,
    );
    return { items };
  }
}
