import { Injectable } from '@nestjs/common';
import {
  Commands,
  ExecuteIncidentCommand,
  IncidentCommandResult,
  MergeIncidentsCommand,
} from '@oncall/contracts';
import { IncidentCommand } from '@oncall/incident-domain';
import { MessageBus } from '@oncall/platform-messaging';
import { RequestContext } from '../directory/shared/request-context';

type CommandWithoutEnvelope = Omit<IncidentCommand, 'by' | 'at'>;

/** Sends an incident command as the calling person, now, and answers the incident as it then stands. */
@Injectable()
export class IncidentCommands {
  constructor(private readonly bus: MessageBus) {}

  execute(
    caller: RequestContext,
    command: CommandWithoutEnvelope,
    expectedVersion?: number,
  ): Promise<IncidentCommandResult> {
    const full = { ...command, by: this.actor(caller), at: new Date().toISOString() } as IncidentCommand;
    return this.bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
      Commands.incident.execute(full.type),
      { command: full, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
      this.context(caller),
      10_000,
    );
  }

  merge(
    caller: RequestContext,
    targetIncidentId: string,
    sourceIncidentIds: string[],
  ): Promise<IncidentCommandResult> {
    return this.bus.rpc.request<IncidentCommandResult, MergeIncidentsCommand>(
      Commands.incident.merge,
      { targetIncidentId, sourceIncidentIds, by: this.actor(caller), at: new Date().toISOString() },
      this.context(caller),
      10_000,
    );
  }

  private actor(caller: RequestContext) {
    if (!caller.principal) throw new Error('Incident actions are taken by signed-in people only');
    return { kind: 'user' as const, userId: caller.principal.userId };
  }

  private context(caller: RequestContext) {
    return { orgId: caller.orgId, correlationId: caller.correlationId, causationId: null };
  }
}
