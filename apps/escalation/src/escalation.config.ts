import { IntegerBetween, ServiceConfig } from '@oncall/platform-config';

export class EscalationConfig extends ServiceConfig {
  /**
   * Loops claiming due timers side by side in each replica (SKIP LOCKED keeps them apart): one decision is
   * a handful of round trips to PostgreSQL, so one loop fires about a hundred timers a second.
   */
  @IntegerBetween(1, 32)
  ESCALATION_TIMER_LOOPS: number = 4;

  /** Timers one loop claims per transaction; small batches commit, and so publish their pages, sooner. */
  @IntegerBetween(1, 500)
  ESCALATION_TIMER_BATCH: number = 20;

  /**
   * Outbox relay loops per replica, each publishing another outbox partition (an incident's messages stay
   * in one partition, in order): a burst of pages is published side by side.
   */
  @IntegerBetween(1, 16)
  ESCALATION_RELAY_LOOPS: number = 4;
}
