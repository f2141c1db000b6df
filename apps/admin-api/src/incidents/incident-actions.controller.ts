import { Body, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { IncidentCommandResult } from '@oncall/contracts';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { Requires } from '../auth/requires.decorator';
import {
  AddNoteDto,
  EscalateDto,
  IncidentActionDto,
  MergeDto,
  ReassignDto,
  SetPriorityDto,
  SetSeverityDto,
  SnoozeDto,
} from './incident-action.dto';
import { IncidentCommands } from './incident-commands';
import { IncidentScopes } from './incident-scopes';
import { ApiController } from '../shared/api-controller.decorator';

/** What a responder does to an incident; each answer is the incident as it now stands, with its version. */
@ApiController('incidents', 'api/v1/incidents/:id')
export class IncidentActionsController {
  constructor(
    private readonly commands: IncidentCommands,
    private readonly scopes: IncidentScopes,
  ) {}

  @Post('acknowledge')
  @HttpCode(200)
  @Requires('incidents:respond')
  acknowledge(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IncidentActionDto,
  ): Promise<IncidentCommandResult> {
    return this.commands.execute(
      caller,
      { type: 'AcknowledgeIncident', data: this.target(caller, id) },
      body.expectedVersion,
    );
  }

  /** Hand the incident back: it returns to triggered and pages again. */
  @Post('unacknowledge')
  @HttpCode(200)
  @Requires('incidents:respond')
  unacknowledge(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IncidentActionDto,
  ) {
    const data = { ...this.target(caller, id), reason: 'handed-back' as const };
    return this.commands.execute(caller, { type: 'UnacknowledgeIncident', data }, body.expectedVersion);
  }

  @Post('resolve')
  @HttpCode(200)
  @Requires('incidents:respond')
  resolve(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IncidentActionDto,
  ) {
    return this.commands.execute(
      caller,
      { type: 'ResolveIncident', data: this.target(caller, id) },
      body.expectedVersion,
    );
  }

  @Post('notes')
  @HttpCode(201)
  @Requires('incidents:respond')
  addNote(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddNoteDto,
  ) {
    const data = { ...this.target(caller, id), noteId: randomUUID(), text: body.text };
    return this.commands.execute(caller, { type: 'AddNote', data }, body.expectedVersion);
  }

  @Post('snooze')
  @HttpCode(200)
  @Requires('incidents:respond')
  snooze(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: SnoozeDto) {
    const data = { ...this.target(caller, id), durationSeconds: body.durationMinutes * 60 };
    return this.commands.execute(caller, { type: 'SnoozeIncident', data }, body.expectedVersion);
  }

  /** To people: active users of the caller's organization only (400 naming `to.userIds` otherwise). */
  @Post('reassign')
  @HttpCode(200)
  @Requires('incidents:respond')
  async reassign(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReassignDto,
  ) {
    let to: { kind: 'users'; userIds: string[] } | { kind: 'escalation-level'; level: number };
    if (body.to.kind === 'users') {
      const userIds = (body.to.userIds ?? []).map((userId) => userId.toLowerCase());
      await this.scopes.requireAssignees(caller.orgId, 'to.userIds', userIds);
      to = { kind: 'users', userIds };
    } else {
      to = { kind: 'escalation-level', level: body.to.level ?? 1 };
    }
    return this.commands.execute(
      caller,
      { type: 'ReassignIncident', data: { ...this.target(caller, id), to } },
      body.expectedVersion,
    );
  }

  @Post('escalate')
  @HttpCode(200)
  @Requires('incidents:respond')
  escalate(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EscalateDto,
  ) {
    const data = { ...this.target(caller, id), fromLevel: body.fromLevel, toLevel: body.toLevel };
    return this.commands.execute(caller, { type: 'EscalateIncident', data }, body.expectedVersion);
  }

  @Post('priority')
  @HttpCode(200)
  @Requires('incidents:respond')
  setPriority(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetPriorityDto,
  ) {
    const data = { ...this.target(caller, id), priority: body.priority };
    return this.commands.execute(caller, { type: 'SetIncidentPriority', data }, body.expectedVersion);
  }

  @Post('severity')
  @HttpCode(200)
  @Requires('incidents:respond')
  setSeverity(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetSeverityDto,
  ) {
    const data = { ...this.target(caller, id), severity: body.severity };
    return this.commands.execute(caller, { type: 'SetIncidentSeverity', data }, body.expectedVersion);
  }

  /** Fold other incidents into this one: their alerts move here and they resolve as merged. */
  @Post('merge')
  @HttpCode(200)
  @Requires('incidents:respond')
  merge(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: MergeDto) {
    return this.commands.merge(caller, id, body.sourceIncidentIds);
  }

  private target(caller: RequestContext, incidentId: string) {
    return { incidentId, orgId: caller.orgId };
  }
}
