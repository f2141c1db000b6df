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
    return this.commands.onIncident(caller, id, 'AcknowledgeIncident', {}, body.expectedVersion);
  }

  /** Hand the incident back: it returns to triggered and pages again. */
  @ResponderAction('unacknowledge')
  unacknowledge(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IncidentActionDto,
  ) {
    const details = { reason: 'handed-back' as const };
    return this.commands.onIncident(caller, id, 'UnacknowledgeIncident', details, body.expectedVersion);
  }

  @ResponderAction('resolve')
  resolve(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IncidentActionDto,
  ) {
    return this.commands.onIncident(caller, id, 'ResolveIncident', {}, body.expectedVersion);
  }

  @ResponderAction('notes', 201)
  addNote(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddNoteDto,
  ) {
    const details = { noteId: randomUUID(), text: body.text };
    return this.commands.onIncident(caller, id, 'AddNote', details, body.expectedVersion);
  }

  @ResponderAction('snooze')
  snooze(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: SnoozeDto) {
    const details = { durationSeconds: body.durationMinutes * 60 };
    return this.commands.onIncident(caller, id, 'SnoozeIncident', details, body.expectedVersion);
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
    return this.commands.onIncident(caller, id, 'ReassignIncident', { to }, body.expectedVersion);
  }

  @ResponderAction('escalate')
  escalate(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EscalateDto,
  ) {
    const details = { fromLevel: body.fromLevel, toLevel: body.toLevel };
    return this.commands.onIncident(caller, id, 'EscalateIncident', details, body.expectedVersion);
  }

  @ResponderAction('priority')
  setPriority(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetPriorityDto,
  ) {
    const details = { priority: body.priority };
    return this.commands.onIncident(caller, id, 'SetIncidentPriority', details, body.expectedVersion);
  }

  @ResponderAction('severity')
  setSeverity(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetSeverityDto,
  ) {
    const details = { severity: body.severity };
    return this.commands.onIncident(caller, id, 'SetIncidentSeverity', details, body.expectedVersion);
  }

  /** Fold other incidents into this one: their alerts move here and they resolve as merged. */
  @ResponderAction('merge')
  merge(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: MergeDto) {
    return this.commands.merge(caller, id, body.sourceIncidentIds);
  }
}
