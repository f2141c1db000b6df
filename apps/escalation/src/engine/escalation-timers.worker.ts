import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EscalationTimer } from '@oncall/escalation-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER } from '@oncall/platform-runtime';
import { DueTimer, TimerHandler, TimerWorker } from '@oncall/platform-timers';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { EscalationConfig } from '../escalation.config';
import { EscalationRunner } from './escalation-runner';
import { PageRelays } from './page-relays';
import { ESCALATION_TIMER_KINDS } from './perform-decisions';

/**
 * Fires the engine's due timers (steps, holds, acknowledgement timeouts, auto-resolves) into the same
 * decide/perform path as incident events, in the transaction that claimed the timer (ADR 0121): any
 * number of replicas fire each once, and a crash before commit fires it again with nothing written twice.
 */
@Injectable()
export class EscalationTimersWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly workers: TimerWorker[];

  constructor(
    dataSource: DataSource,
    private readonly runner: EscalationRunner,
    relay: PageRelays,
    config: EscalationConfig,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    const fire: TimerHandler = (timer, tx, now) => this.fire(timer, tx, now);
    const handlers = Object.fromEntries(ESCALATION_TIMER_KINDS.map((kind) => [kind, fire]));
    const options = { batchSize: config.ESCALATION_TIMER_BATCH, afterCommit: () => relay.poke() };
    // Several loops (ESCALATION_TIMER_LOOPS) keep a burst due together from queueing behind one connection.
    this.workers = Array.from(
      { length: config.ESCALATION_TIMER_LOOPS },
      () => new TimerWorker(dataSource, clock, handlers, logger, options),
    );
  }

  onApplicationBootstrap(): void {
    for (const worker of this.workers) worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }

  private async fire(timer: DueTimer, tx: EntityManager, now: Date): Promise<void> {
    const payload = timer.payload as EscalationTimer;
    await this.runner.run(
      tx,
      { ...payload, at: now.toISOString() },
      { correlationId: payload.incidentId, causationId: null },
    );
  }
}
