import { Inject, Injectable } from '@nestjs/common';
import {
  alertPartitionOf,
  alertReceivedEnvelope,
  alertReceivedSubject,
  CanonicalAlert,
} from '@oncall/contracts';
import { alertHeaders, CoalescingPublisher, MessageBus } from '@oncall/platform-messaging';
import { LOGGER, problem } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { AlertAccepted } from '../http/alert-request';
import { RetryLaterException } from '../http/retry-later.exception';

/** JetStream unreachable is usually a reconnect away (the client reconnects every 500 ms). */
const STORE_RETRY_AFTER_SECONDS = 1;

/**
 * Hands an alert to JetStream and answers only once the stream has stored it. If that cannot happen the
 * sender gets 503 and retries; an alert is never acknowledged that is not durable.
 */
@Injectable()
export class AlertPublisher {
  private readonly jetStream: CoalescingPublisher;

  constructor(
    bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.jetStream = new CoalescingPublisher(bus.publisher);
  }

  async publish(alert: CanonicalAlert, correlationId: string): Promise<AlertAccepted> {
    const envelope = alertReceivedEnvelope(alert, correlationId);
    try {
      await this.jetStream.publish(
        alertReceivedSubject(alertPartitionOf(alert.integrationId, alert.dedupKey)),
        envelope,
        alertHeaders(alert),
      );
    } catch (error) {
      this.logger.error({ err: error, alertId: alert.alertId }, 'JetStream did not store the alert');
      throw new RetryLaterException(
        STORE_RETRY_AFTER_SECONDS,
        problem(503, 'The alert could not be stored right now; retry shortly. Nothing was accepted.', {
          code: 'ALERT_NOT_STORED',
        }),
      );
    }
    return { status: 'accepted', dedupKey: alert.dedupKey, alertId: alert.alertId };
  }
}
