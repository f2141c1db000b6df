import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  ALERT_RECEIVED_SCHEMA_VERSION,
  AlertEventTypes,
  alertPartitionOf,
  alertReceivedSubject,
  CanonicalAlert,
  MessageEnvelope,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { LOGGER, problem } from '@oncall/platform-runtime';
import { Inject } from '@nestjs/common';
import { Logger } from 'pino';

/**
 * Hands an alert to JetStream and returns only once the stream has stored it. If that cannot happen the
 * sender gets 503 and retries; an alert is never acknowledged that is not durable.
 */
@Injectable()
export class AlertPublisher {
  constructor(
    private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish(alert: CanonicalAlert, correlationId: string): Promise<void> {
    const envelope: MessageEnvelope<typeof AlertEventTypes.received, CanonicalAlert> = {
      type: AlertEventTypes.received,
      data: alert,
      metadata: {
        eventId: alert.alertId,
        orgId: alert.orgId,
        correlationId,
        causationId: null,
        occurredAt: alert.receivedAt,
        schemaVersion: ALERT_RECEIVED_SCHEMA_VERSION,
      },
    };
    try {
      await this.bus.publisher.publish(
        alertReceivedSubject(alertPartitionOf(alert.integrationId, alert.dedupKey)),
        envelope,
      );
    } catch (error) {
      this.logger.error({ err: error, alertId: alert.alertId }, 'JetStream did not store the alert');
      throw new ServiceUnavailableException(
        problem(503, 'The alert could not be stored right now; retry shortly. Nothing was accepted.', {
          code: 'ALERT_NOT_STORED',
        }),
      );
    }
  }
}
