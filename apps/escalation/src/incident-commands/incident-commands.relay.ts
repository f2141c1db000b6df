import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Commands,
  Consumers,
  escalationEventSubject,
  ExecuteIncidentCommand,
  INCIDENT_COMMAND_REQUESTED,
  IncidentCommandRequested,
  IncidentCommandResult,
  MessageEnvelope,
  Streams,
} from '@oncall/contracts';
import { DurableEventPattern, isPermanentFailure, MessageBus } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * Sends the commands the engine decided (written with the decision through the outbox) to incident-state,
 * from escalation's own durable consumer: incident-state being down only delays them. incident-state
 * checks each again; its refusal (the acknowledgement changed, the incident is resolved) ends the matter.
 */
@Controller()
export class IncidentCommandsRelay {
  constructor(
    private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @DurableEventPattern(
    escalationEventSubject(INCIDENT_COMMAND_REQUESTED),
    Streams.escalation,
    Consumers.escalationIncidentCommands,
  )
  async handle(
    @Payload() envelope: MessageEnvelope<typeof INCIDENT_COMMAND_REQUESTED, IncidentCommandRequested>,
  ): Promise<void> {
    const { command, orgId } = envelope.data;
    try {
      await this.bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
        Commands.incident.execute(command.type),
        { command },
        { orgId, correlationId: envelope.metadata.correlationId, causationId: envelope.metadata.eventId },
        10_000,
      );
    } catch (error) {
      if (!isPermanentFailure(error)) throw error;
      this.logger.info(
        { err: error, incidentId: command.data.incidentId, type: command.type },
        'incident-state refused an engine command; nothing to do',
      );
    }
  }
}
