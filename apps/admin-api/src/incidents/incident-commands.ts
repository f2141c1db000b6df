import { Inject, Injectable } from '@nestjs/common';
import {
  Commands,
  ExecuteIncidentCommand,
  IncidentCommandResult,
  MergeIncidentsCommand,
} from '@oncall/contracts';
import { IncidentCommand } from '@oncall/incident-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { MessageBus } from '@oncall/platform-messaging';
import { personActorOf, RequestContext, rpcContextOf } from '../directory/shared/request-context';

type CommandWithoutEnvelope = Omit<IncidentCommand, 'by' | 'at'>;

/**
 * Sends an incident command as the calling person, now (the platform clock's now: an acknowledgement's time
 * starts its timeout, so it must be the time every service keeps), and answers the incident as it then stands.
 */
@Injectable()
export class IncidentCommands {
  constructor(
    private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(
    caller: RequestContext,
    command: CommandWithoutEnvelope,
    expectedVersion?: number,
  ): Promise<IncidentCommandResult> {
    const full = {
      ...command,
      by: responderOf(caller),
      at: this.clock.now().toISOString(),
    } as IncidentCommand;
    return this.bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
      Commands.incident.execute(full.type),
      { command: full, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
      rpcContextOf(caller),
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
      { targetIncidentId, sourceIncidentIds, by: responderOf(caller), at: this.clock.now().toISOString() },
      rpcContextOf(caller),
      10_000,
    );
  }
}

/** Incident actions are taken by signed-in people only; the incident records who. */
function responderOf(caller: RequestContext) {
  return { kind: 'user' as const, userId: personActorOf(caller).userId };
}
