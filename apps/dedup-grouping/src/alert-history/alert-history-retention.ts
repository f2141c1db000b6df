import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ALERT_HISTORY_RETENTION_DAYS } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { AlertHistoryStore } from './alert-history.store';

const EVERY_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Forgets alert history older than 30 days (platform clock), a batch at a time, every few minutes. */
@Injectable()
export class AlertHistoryRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: AlertHistoryStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.pruneNow(), EVERY_MS);
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
}
