import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Consumers, MessageEnvelope, Streams } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { RpcError } from '@oncall/platform-messaging';
import { IncidentCommandExecutor } from '../execute-command/incident-command-executor';
import { activityOfEscalationFact, activityOfNotification, activityOfPsaFact } from './activity-of';

/**
 * Records what escalation, notification and psa-sync report about an incident on its timeline (ActivityRecorded),
 * once each: the source event's id is the recorded event's id. A fact about an incident this service does
 * not know is dropped (it cannot be placed on any timeline).
 */
@Controller()
export class RecordActivityHandler {
  constructor(
    private readonly executor: IncidentCommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern('oncall.evt.escalation.>', {
    stream: Streams.escalation.name,
    durable: Consumers.incidentStateEscalationActivity,
  })
  onEscalationFact(@Payload() envelope: MessageEnvelope): Promise<void> {
    return this.record(envelope, activityOfEscalationFact(envelope));
  }

  @EventPattern('oncall.evt.notification.>', {
    stream: Streams.notification.name,
    durable: Consumers.incidentStateNotificationActivity,
  })
  onNotification(@Payload() envelope: MessageEnvelope): Promise<void> {
    return this.record(envelope, activityOfNotification(envelope));
  }

  @EventPattern('oncall.evt.psa.>', {
    stream: Streams.psa.name,
    durable: Consumers.incidentStatePsaActivity,
  })
  onPsaFact(@Payload() envelope: MessageEnvelope): Promise<void> {
    return this.record(envelope, activityOfPsaFact(envelope));
  }

  private async record(
    envelope: MessageEnvelope,
    activity: ReturnType<typeof activityOfEscalationFact>,
  ): Promise<void> {
    if (!activity) return;
    const { orgId, correlationId } = envelope.metadata;
    try {
      await this.executor.execute(
        {
          command: {
            type: 'RecordActivity',
            data: { ...activity, orgId },
            by: {
              kind: 'system',
              reason: activity.source === 'escalation' ? 'escalation-policy' : activity.source,
            },
            at: envelope.metadata.occurredAt ?? this.clock.now().toISOString(),
          },
        },
        { orgId, correlationId, causationId: envelope.metadata.eventId },
      );
    } catch (error) {
      if (error instanceof RpcError && error.code === 'INCIDENT_NOT_FOUND') return;
      throw error;
    }
  }
}
