import { applyDecorators, Body, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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

/**
 * A responder's action on the incident: POST to `action`, answered 200 (or `status`, for an action that
 * adds something), allowed with `incidents:respond`.
 */
const ResponderAction = (action: string, status: 200 | 201 = 200): MethodDecorator =>
  applyDecorators(Post(action), HttpCode(status), Requires('incidents:respond'));

/** What a responder does to an incident; each answer is the incident as it now stands, with its version. */
@ApiController('incidents', 'api/v1/incidents/:id')
export class IncidentActionsController {
  constructor(
    private readonly commands: IncidentCommands,
    private readonly scopes: IncidentScopes,
  ) {}

  @ResponderAction('acknowledge')
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
  @ResponderAction('unacknowledge')
  unacknowledge(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IncidentActionDto,
  ) {
    const data = { ...this.target(caller, id), reason: 'handed-back' as const };
    return this.commands.execute(caller, { type: 'UnacknowledgeIncident', data }, body.expectedVersion);
  }

  @ResponderAction('resolve')
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

  @ResponderAction('notes', 201)
  addNote(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddNoteDto,
  ) {
    const data = { ...this.target(caller, id), noteId: randomUUID(), text: body.text };
    return this.commands.execute(caller, { type: 'AddNote', data }, body.expectedVersion);
  }

  @ResponderAction('snooze')
  snooze(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: SnoozeDto) {
    const data = { ...this.target(caller, id), durationSeconds: body.durationMinutes * 60 };
    return this.commands.execute(caller, { type: 'SnoozeIncident', data }, body.expectedVersion);
  }

  /** To people: active users of the caller's organization only (400 naming `to.userIds` otherwise). */
  @ResponderAction('reassign')
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

  @ResponderAction('escalate')
  escalate(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EscalateDto,
  ) {
    const data = { ...this.target(caller, id), fromLevel: body.fromLevel, toLevel: body.toLevel };
    return this.commands.execute(caller, { type: 'EscalateIncident', data }, body.expectedVersion);
  }

  @ResponderAction('priority')
  setPriority(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetPriorityDto,
  ) {
    const data = { ...this.target(caller, id), priority: body.priority };
    return this.commands.execute(caller, { type: 'SetIncidentPriority', data }, body.expectedVersion);
  }

  @ResponderAction('severity')
  setSeverity(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetSeverityDto,
  ) {
    const data = { ...this.target(caller, id), severity: body.severity };
    return this.commands.execute(caller, { type: 'SetIncidentSeverity', data }, body.expectedVersion);
  }

  /** Fold other incidents into this one: their alerts move here and they resolve as merged. */
  @ResponderAction('merge')
  merge(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: MergeDto) {
    return this.commands.merge(caller, id, body.sourceIncidentIds);
  }

  private target(caller: RequestContext, incidentId: string) {
    return { incidentId, orgId: caller.orgId };
  }
}
