import { Get, Query } from '@nestjs/common';
import { CoverageGapView, Queries } from '@oncall/contracts';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { IsOptional, IsUUID } from 'class-validator';
import { Requires } from '../auth/requires.decorator';
import { BusRequests } from './bus-requests';
import { ApiController } from '../shared/api-controller.decorator';

export class CoverageGapsQueryDto {
  /** Only this schedule's gaps; every schedule's when omitted. */
  @IsOptional()
  @IsUUID()
  scheduleId?: string;
}

/**
 * Windows of the coming days when nobody is on call, as scheduling's last scan found them (it rescans
 * each schedule shortly after every change, and all of them daily).
 */
@ApiController('schedules', 'api/v1/coverage-gaps')
export class CoverageGapsController {
  constructor(private readonly requests: BusRequests) {}

  @Get()
  @Requires('schedules:read')
  async list(
    @Caller() caller: RequestContext,
    @Query() query: CoverageGapsQueryDto,
  ): Promise<{ items: CoverageGapView[] }> {
    // Another organization's (or a deleted) schedule is a 404, not an empty list.
    if (query.scheduleId)
      await this.requests.ask(caller, Queries.scheduling.getSchedule, { scheduleId: query.scheduleId });
    const items = await this.requests.ask<CoverageGapView[]>(caller, Queries.scheduling.coverageGaps, {
      ...(query.scheduleId ? { scheduleId: query.scheduleId } : {}),
    });
    return { items };
  }
}
