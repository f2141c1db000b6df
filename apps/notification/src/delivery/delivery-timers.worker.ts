import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER } from '@oncall/platform-runtime';
import { DueTimer, TimerWorker } from '@oncall/platform-timers';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationConfig } from '../notification.config';
import { PagePlanner, PLAN_PAGE_TIMER } from '../pages/page-planner';
import { loadPage } from '../pages/page.store';
import { DeliveryTimers, releaseDeliveries } from './delivery-release';
import { loadDelivery } from './delivery.store';
import { flushDigest } from './digest-flush';

/**
 * The service's durable timers (ADR 0121), each handled in the transaction that claimed it and never
 * touching the network: a delivery falling due (a later rule step, a retry) is released (or suppressed,
 * or held for a digest); a digest goes out when a slot frees; a page whose person was not known yet is
 * planned again. The sender picks up what became ready at its next look.
 */
@Injectable()
export class DeliveryTimersWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly worker: TimerWorker;

  constructor(
    dataSource: DataSource,
    private readonly planner: PagePlanner,
    private readonly config: NotificationConfig,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.worker = new TimerWorker(
      dataSource,
      clock,
      {
        [DeliveryTimers.due]: (timer, tx, now) => this.due(timer, tx, now),
        [DeliveryTimers.digest]: (timer, tx, now) => flushDigest(tx, timer.key, timer.orgId, now),
        [PLAN_PAGE_TIMER]: (timer, tx, now) => this.plan(timer, tx, now),
      },
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.worker.stop();
  }

  private async due(timer: DueTimer, tx: EntityManager, now: Date): Promise<void> {
    const delivery = await loadDelivery(tx, timer.key, true);
    // Gone or already decided (a redelivered timer, a delivery suppressed meanwhile): nothing to do.
    if (!delivery || (delivery.status !== 'scheduled' && delivery.status !== 'retrying')) return;
    await releaseDeliveries(tx, [delivery], now, this.config.NOTIFY_DIGEST_THRESHOLD);
  }

  private async plan(timer: DueTimer, tx: EntityManager, now: Date): Promise<void> {
    const page = await loadPage(tx, timer.key);
    if (!page) return;
    await this.planner.plan(tx, [page], now, (timer.payload as { retry?: number }).retry ?? 0);
  }
}
