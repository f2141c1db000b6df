import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';

import { LOGGER, PolledService } from '@oncall/platform-runtime';
import { lastScheduledScan } from '@oncall/scheduling-domain';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { SchedulingConfig } from '../scheduling.config';
import { GapScanner } from './gap-scanner';
import { LeaseLostError, ScanLease } from './scan-lease';

const CHECK_EVERY_MS = 60_000;

/**
 * Runs the coverage-gap scan once a day at GAP_SCAN_HOUR_UTC, once across all replicas: the day's row in
 * gap_scan_runs is a lease that only one replica wins and renews while it scans. A run whose heartbeat
 * went stale (its replica died) is taken over. It checks at start too, so a run missed while the service
 * was down is made up as soon as it is back; a finished run is never repeated.
 */
@Injectable()
export class DailyGapScanWorker extends PolledService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scanner: GapScanner,
    private readonly config: SchedulingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // One check at start (the make-up), then one a minute; a day's run never counts as "more work".
    super(logger, { name: 'Daily gap scan', idleMs: CHECK_EVERY_MS });
  }

  protected async pass(): Promise<boolean> {
    await this.runIfDue();
    return false;
  }

  /** Claims and runs the latest scheduled scan if nobody has; returns whether this replica ran it. */
  async runIfDue(now: Date = this.clock.now()): Promise<boolean> {
    const due = lastScheduledScan(now, this.config.GAP_SCAN_HOUR_UTC);
    const lease = await ScanLease.claim(this.dataSource.manager, due.day, randomUUID());
    if (!lease) return false;
    try {
      const result = await this.scanner.scanAll(() => lease.renewIfDue());
      await lease.finish();
      this.logger.info({ day: due.day, ...result }, 'Daily coverage-gap scan done');
      return true;
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      this.logger.warn({ day: due.day }, error.message);
      return false;
    }
  }
}
