import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  escalationEventSubject,
  MessageEnvelope,
  NOTIFY_REQUESTED,
  NotificationConsumers,
  NotifyRequested,
  Streams,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { DeliverySender } from '../delivery/delivery-sender.worker';
import { PagePlanner } from './page-planner';

/**
 * Every page from the escalation engine (one NotifyRequested per person), planned in one short
 * transaction: idempotent by page id, so a redelivered request sends nothing twice.
 */
@Controller()
export class NotifyRequestedConsumer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: PagePlanner,
    private readonly sender: DeliverySender,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(escalationEventSubject(NOTIFY_REQUESTED), {
    stream: Streams.escalation.name,
    durable: NotificationConsumers.notifyRequested,
  })
  async handle(@Payload() envelope: MessageEnvelope<string, NotifyRequested>): Promise<void> {
    const request = checked(envelope);
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction((tx) =>
      this.planner.accept(tx, request, envelope.metadata.correlationId, now),
    );
    if (outcome === 'planned') this.sender.poke();
  }
}

/** A request for another organization than the message's, or without its ids, is refused for good. */
function checked({ data, metadata }: MessageEnvelope<string, NotifyRequested>): NotifyRequested {
  const wellFormed =
    typeof data?.pageId === 'string' &&
    typeof data.incidentId === 'string' &&
    typeof data.userId === 'string' &&
    (data.kind === 'page' || data.kind === 'unanswered') &&
    (data.urgency === 'high' || data.urgency === 'low') &&
    !Number.isNaN(Date.parse(data.requestedAt)) &&
    typeof data.incident === 'object' &&
    data.incident !== null;
  if (!wellFormed) throw new RpcError('VALIDATION_FAILED', 'NotifyRequested is missing required fields.');
  if (data.orgId !== metadata.orgId) {
    throw new RpcError('FORBIDDEN', 'NotifyRequested names another organization than its message.');
  }
  return { ...data, generation: Number.isInteger(data.generation) ? data.generation : 1 };
}
