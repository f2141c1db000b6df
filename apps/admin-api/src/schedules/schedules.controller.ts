import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { Queries, SchedulePage, ScheduleView, Commands, CursorPageQueryDto } from '@oncall/contracts';
import { Caller, personActorOf, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { conflict } from '../directory/shared/directory-errors';

import { BusRequests } from './bus-requests';
import { definitionOf, ScheduleDefinitionDto, UpdateScheduleDto } from './schedule-definition.dto';
import { SchedulePolicies } from './schedule-policies';
import { ScheduleReferences } from './schedule-references';
import { ApiController } from '../shared/api-controller.decorator';

/** Schedules live in the scheduling service; admin-api checks who asks and what a definition refers to. */
@ApiController('schedules', 'api/v1/schedules')
export class SchedulesController {
  constructor(
    private readonly requests: BusRequests,
    private readonly references: ScheduleReferences,
    private readonly policies: SchedulePolicies,
  ) {}

  @Get()
  @Requires('schedules:read')
  list(@Caller() caller: RequestContext, @Query() query: CursorPageQueryDto): Promise<SchedulePage> {
    return this.requests.ask(caller, Queries.scheduling.listSchedules, {
      cursor: query.cursor,
      limit: query.limit,
    });
  }

  @Post()
  @Requires('schedules:write')
  async create(@Caller() caller: RequestContext, @Body() body: ScheduleDefinitionDto): Promise<ScheduleView> {
    const definition = definitionOf(body);
    await this.references.check(caller.orgId, definition);
    return this.requests.ask(caller, Commands.scheduling.createSchedule, {
      actor: personActorOf(caller),
      definition,
    });
  }

  @Get(':id')
  @Requires('schedules:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ScheduleView> {
    return this.requests.ask(caller, Queries.scheduling.getSchedule, { scheduleId: id });
  }

  /** Replaces the definition from now on: shifts already past keep the definition they had. */
  @Put(':id')
  @Requires('schedules:write')
  async update(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateScheduleDto,
  ): Promise<ScheduleView> {
    const current = await this.get(caller, id); // another organization's schedule is a 404, whatever the body names
    const definition = definitionOf(body);
    await this.references.check(caller.orgId, definition, current);
    return this.requests.ask(caller, Commands.scheduling.updateSchedule, {
      actor: personActorOf(caller),
      scheduleId: id,
      definition,
      ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
    });
  }

  /** Refused while an escalation policy pages the schedule: its incidents would page nobody. */
  @Delete(':id')
  @HttpCode(204)
  @Requires('schedules:write')
  async remove(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const schedule = await this.get(caller, id);
    const policies = await this.policies.usingOrRefuse(caller, id);
    if (policies.length > 0) {
      const names = policies.map((policy) => `"${policy.name}"`).join(', ');
      throw conflict(
        `Schedule "${schedule.name}" is paged by escalation policy ${names}; take it out of the policy first.`,
        'SCHEDULE_IN_USE',
      );
    }
    await this.requests.ask(caller, Commands.scheduling.deleteSchedule, {
      actor: personActorOf(caller),
      scheduleId: id,
    });
  }
}
