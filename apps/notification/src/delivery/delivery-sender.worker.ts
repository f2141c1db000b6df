import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from '@oncall/notification-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { PollingLoop } from '@oncall/platform-polling';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { MAIL_SENDER, MailSender } from '../senders/mail-transport';
import { SlackWebhookSender } from '../senders/slack-webhook.sender';
import type { DeliveryAttemptResult } from '../senders/delivery-attempt.result';
import { claimDeliveries, ClaimedDelivery } from './delivery-claims';
import { ComposedMessage, DeliveryComposer } from './delivery-composer';
import { recordOutcomes, SendOutcome } from './delivery-outcomes';
import { GroupCommit } from './group-commit';

/** Deliveries claimed per pass: sent concurrently (the SMTP pool bounds connections). */
const BATCH = 50;
/**
 * Passes run side by side, so one lane's claim, composing and recording overlap the other's sends and the
 * relay connections stay busy (claims skip each other's rows).
 */
const LANES = 2;

/**
 * Sends what is ready, never inside a transaction: claim a batch (one statement, a lease per delivery),
 * hand each message to the SMTP relay or Slack, and record each outcome as soon as its send ends (group
 * commit, ADR 0157: one short transaction for the outcomes that ended in the same tick, or while the
 * previous one was being written; never waiting for the rest of the batch).
 *
 * At least once, honestly: a crash after the relay accepted a message and before its outcome is recorded
 * leaves the claim to run out (2 minutes), and the message is sent again, with the same Message-ID. That
 * window is one message's: from its 250 to the commit of its group, so a SIGKILL resends at most the sends
 * in flight at that moment (test/consumer-sigkill.e2e-spec.ts counts them). Nothing else sends twice:
 * deliveries are unique by idempotency key, and a claim taken over is not recorded by the sender that lost
 * it.
 */
@Injectable()
export class DeliverySender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly lanes: PollingLoop[];
  private readonly slack: SlackWebhookSender;
  private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY;
  private unsubscribeJump?: () => void;
  private readonly outcomes: GroupCommit<SendOutcome>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly composer: DeliveryComposer,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.slack = new SlackWebhookSender();
    this.outcomes = new GroupCommit((outcomes) =>
      this.dataSource.transaction((tx) => recordOutcomes(tx, outcomes, this.policy)),
    );
    this.lanes = Array.from(
      { length: LANES },
      () => new PollingLoop(() => this.sendOnce(), logger, { name: 'Delivery sender', idleMs: 250 }),
    );
  }

  onApplicationBootstrap(): void {
    this.unsubscribeJump = this.clock.onJump(() => this.poke());
    for (const lane of this.lanes) lane.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribeJump?.();
    await Promise.all(this.lanes.map((lane) => lane.stop()));
  }

  /** Something became ready (after its transaction committed): look now rather than at the next poll. */
  poke(): void {
    for (const lane of this.lanes) lane.poke();
  }

  /** One pass: answers true when it sent something (look again at once). */
  async sendOnce(): Promise<boolean> {
    const claimed = await claimDeliveries(this.dataSource, BATCH);
    if (claimed.length === 0) return false;
    const recorded = await Promise.allSettled(
      claimed.map(async (delivery) => this.outcomes.add(await this.attempt(delivery))),
    );
    // Unrecorded outcomes are sent again once their claim runs out (as after a crash).
    const failure = recorded.find((settled) => settled.status === 'rejected');
    if (failure) throw failure.reason;
    return true;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<SendOutcome> {
    let result: DeliveryAttemptResult;
    try {
      result = await this.send(this.composer.compose(delivery));
    } catch (error) {
      // A message we cannot even build will not build next time either.
      this.logger.error({ err: error, deliveryId: delivery.id }, 'A delivery could not be composed');
      result = {
        ok: false,
        failure: { kind: 'permanent', reason: 'unrenderable' },
        response: (error as Error).message,
        latencyMs: 0,
      };
    }
    return { delivery, result, at: this.clock.now() };
  }

  private send(message: ComposedMessage): Promise<DeliveryAttemptResult> {
    return message.channel === 'email'
      ? this.mail.send(message.email)
      : this.slack.send(message.webhookUrl, message.message);
  }
}
