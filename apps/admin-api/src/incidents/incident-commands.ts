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
import { personActorOf, RequestContext, rpcContextOf } from '@oncall/platform-runtime';

type CommandWithoutEnvelope = Omit<IncidentCommand, 'by' | 'at'>;
type CommandType = IncidentCommand['type'];
/** What a command of `type` carries besides the incident it is for. */
type DetailsOf<T extends CommandType> = Omit<
  Extract<IncidentCommand, { type: T }>['data'],
  'incidentId' | 'orgId'
>;

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

  private execute(
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

  /** `execute` for the incident `incidentId` of the caller's organization. */
  onIncident<T extends CommandType>(
    caller: RequestContext,
    incidentId: string,
    type: T,
    details: DetailsOf<T>,
    expectedVersion?: number,
  ): Promise<IncidentCommandResult> {
    const data = { incidentId, orgId: caller.orgId, ...details };
    return this.execute(caller, { type, data } as CommandWithoutEnvelope, expectedVersion);
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
