import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Consumers,
  ExecuteIncidentCommand,
  MessageEnvelope,
  Streams,
  TicketCreated,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { DurableStreamPattern, RpcError } from '@oncall/platform-messaging';
import { IncidentCommandExecutor } from '../execute-command/incident-command-executor';
import { activityOfEscalationFact, activityOfNotification, activityOfPsaFact } from './activity-of';

/**
 * Records what escalation, notification and psa-sync report about an incident on its timeline (ActivityRecorded),
 * once each: the source event's id is the recorded event's id. A fact about an incident this service does
 * not know is dropped (it cannot be placed on any timeline).
 *
 * A created PSA ticket is linked here (LinkTicket → TicketLinked) rather than by psa-sync: the same consumer
 * recorded the ticket's "pending" fact, so the incident learns them in the order psa-sync published them.
 * A redelivery links the same ticket again, which changes nothing.
 */
@Controller()
export class RecordActivityHandler {
  constructor(
    private readonly executor: IncidentCommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @DurableStreamPattern(Streams.escalation, Consumers.incidentStateEscalationActivity)
  onEscalationFact(@Payload() envelope: MessageEnvelope): Promise<void> {
    return this.record(envelope, activityOfEscalationFact(envelope));
  }

  @DurableStreamPattern(Streams.notification, Consumers.incidentStateNotificationActivity)
  onNotification(@Payload() envelope: MessageEnvelope): Promise<void> {
    return this.record(envelope, activityOfNotification(envelope));
  }

  @DurableStreamPattern(Streams.psa, Consumers.incidentStatePsaActivity)
  onPsaFact(@Payload() envelope: MessageEnvelope): Promise<void> {
    if (envelope.type === 'TicketCreated') {
      const { incidentId, orgId, ticket } = (envelope as MessageEnvelope<'TicketCreated', TicketCreated>)
        .data;
      return this.execute(envelope, {
        type: 'LinkTicket',
        data: { incidentId, orgId, provider: ticket.provider, ticketId: ticket.ticketId, url: ticket.url },
        by: { kind: 'system', reason: 'psa' },
        at: this.occurredAt(envelope),
      });
    }
    return this.record(envelope, activityOfPsaFact(envelope));
  }

  private record(
    envelope: MessageEnvelope,
    activity: ReturnType<typeof activityOfEscalationFact>,
  ): Promise<void> {
    if (!activity) return Promise.resolve();
    return this.execute(envelope, {
      type: 'RecordActivity',
      data: { ...activity, orgId: envelope.metadata.orgId },
      by: {
        kind: 'system',
        reason: activity.source === 'escalation' ? 'escalation-policy' : activity.source,
      },
      at: this.occurredAt(envelope),
    });
  }

  private occurredAt(envelope: MessageEnvelope): string {
    return envelope.metadata.occurredAt ?? this.clock.now().toISOString();
  }

  private async execute(
    envelope: MessageEnvelope,
    command: ExecuteIncidentCommand['command'],
  ): Promise<void> {
    const { orgId, correlationId } = envelope.metadata;
    try {
      await this.executor.execute(
        { command },
        { orgId, correlationId, causationId: envelope.metadata.eventId },
      );
    } catch (error) {
      if (error instanceof RpcError && error.code === 'INCIDENT_NOT_FOUND') return;
      throw error;
    }
  }
}
