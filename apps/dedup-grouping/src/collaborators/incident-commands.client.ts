import { Injectable } from '@nestjs/common';
import { Commands, ExecuteIncidentCommand, IncidentCommandResult, MessageContext } from '@oncall/contracts';
import { IncidentCommand } from '@oncall/incident-domain';
import { MessageBus } from '@oncall/platform-messaging';

/** Sends incident commands to incident-state and returns the incident as it then stands. */
@Injectable()
export class IncidentCommandsClient {
  constructor(private readonly bus: MessageBus) {}

  execute(command: IncidentCommand, context: MessageContext): Promise<IncidentCommandResult> {
    return this.bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
      Commands.incident.execute(command.type),
      { command },
      context,
      10_000,
    );
  }
}
