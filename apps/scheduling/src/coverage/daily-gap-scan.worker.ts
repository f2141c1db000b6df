import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingLoop } from '@oncall/platform-outbox';
import { queryRows } from '@oncall/platform-persistence';
import { LOGGER } from '@oncall/platform-runtime';
import { lastScheduledScan } from '@oncall/scheduling-domain';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { SchedulingConfig } from '../scheduling.config';
import { GapScanner } from './gap-scanner';

const CHECK_EVERY_MS = 60_000;
/** A run that started this long ago and never finished was interrupted: another replica may take it over. */
const STALE_RUN = '30 minutes';

/**
 * Runs the coverage-gap scan once a day at GAP_SCAN_HOUR_UTC, once across all replicas: the day's row in
 * gap_scan_runs is claimed with an INSERT that only one replica wins. It checks at start too, so a run
 * missed while the service was down is made up as soon as it is back.
 */
@Injectable()
export class DailyGapScanWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scanner: GapScanner,
    private readonly config: SchedulingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    // One check at start (the make-up), then one a minute; a day's run never counts as "more work".
    this.loop = new PollingLoop(async () => (await this.runIfDue(), false), logger, {
      name: 'Daily gap scan',
      idleMs: CHECK_EVERY_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and runs the latest scheduled scan if nobody has; returns whether this replica ran it. */
  async runIfDue(now = new Date()): Promise<boolean> {
    const due = lastScheduledScan(now, this.config.GAP_SCAN_HOUR_UTC);
    const claimed = await queryRows(
      this.dataSource.manager,
      `INSERT INTO gap_scan_runs (day, started_at) VALUES ($1, now())
       ON CONFLICT (day) DO UPDATE SET started_at = now()
         WHERE gap_scan_runs.finished_at IS NULL AND gap_scan_runs.started_at < now() - interval '${STALE_RUN}'
       RETURNING day`,
      [due.day],
    );
    if (claimed.length === 0) return false;
    const scanned = await this.scanner.scanAll(now);
    await this.dataSource.query('UPDATE gap_scan_runs SET finished_at = now() WHERE day = $1', [due.day]);
    this.logger.info({ day: due.day, schedules: scanned }, 'Daily coverage-gap scan done');
    return true;
  }
}
