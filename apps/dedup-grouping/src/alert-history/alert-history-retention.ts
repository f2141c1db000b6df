import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ALERT_HISTORY_RETENTION_DAYS, Streams } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { OpenAlertIndex } from '../open-alerts/open-alert-index';
import { AlertHistoryStore } from './alert-history.store';

const EVERY_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets alert history older than 30 days (platform clock), a batch at a time, every few minutes; and the
 * open-alert index's tombstones once the alert stream no longer holds what they applied (ADR 0156).
 */
@Injectable()
export class AlertHistoryRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: AlertHistoryStore,
    private readonly index: OpenAlertIndex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.pruneNow().then(() => this.forgetTombstonesNow()), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Prunes until nothing is older than the retention; answers how many rows went. */
  async pruneNow(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - ALERT_HISTORY_RETENTION_DAYS * DAY_MS);
    let total = 0;
    try {
      for (
        let deleted = await this.store.prune(before);
        deleted > 0;
        deleted = await this.store.prune(before)
      )
        total += deleted;
    } catch (error) {
      this.logger.warn({ err: error }, 'Pruning the alert history failed; trying again later');
    }
    return total;
  }

  /** Answers how many tombstones went. */
  async forgetTombstonesNow(): Promise<number> {
    let total = 0;
    try {
      for (
        let deleted = await this.index.forgetReleased(Streams.alerts.maxAgeMs);
        deleted > 0;
        deleted = await this.index.forgetReleased(Streams.alerts.maxAgeMs)
      )
        total += deleted;
    } catch (error) {
      this.logger.warn({ err: error }, 'Forgetting released alert keys failed; trying again later');
    }
    return total;
  }
}
