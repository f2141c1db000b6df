import { Inject, Injectable } from '@nestjs/common';
import { COVERAGE_GAP_DETECTED, CoverageGapDetected, MessageContext, schedulingEventSubject } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { RpcError } from '@oncall/platform-messaging';
import { enqueueOutboxMessages, outboxMessageFor } from '@oncall/platform-outbox';
import { queryRows } from '@oncall/platform-persistence';
import { LOGGER } from '@oncall/platform-runtime';
import { CoverageGap, coverageGapsInHistory, DAY_MS } from '@oncall/scheduling-domain';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { SchedulingConfig } from '../scheduling.config';
import { LoadedSchedule, toHistory } from '../store/schedule-rows';
import { ScheduleStore } from '../store/schedule-store';
import { AffectedServices, AffectedServicesLookup } from './affected-services';
import { GapRow, recordGaps } from './gap-rows';

/** Schedules listed per query by the scan of every schedule. */
const PAGE_SIZE = 500;

export interface ScanAllResult {
  scanned: number;
  failed: number;
}

/**
 * Finds the uncovered windows of a schedule's next GAP_SCAN_DAYS and keeps them for the SPA (a gap found
 * again keeps its row, so it is announced once). Then, outside the schedule's lock, it asks which services
 * are affected and publishes each gap not yet announced through the outbox.
 */
@Injectable()
export class GapScanner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScheduleStore,
    private readonly affected: AffectedServicesLookup,
    private readonly config: SchedulingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** After a change: scan in the background; a failure is logged and the daily scan catches up. */
  rescanSoon(orgId: string, scheduleId: string): void {
    setImmediate(() => {
      this.scanSchedule(orgId, scheduleId).catch((error: Error) =>
        this.logger.warn({ err: error, scheduleId }, `Coverage-gap rescan failed: ${error.message}`),
      );
    });
  }

  async scanSchedule(orgId: string, scheduleId: string, now = this.clock.now()): Promise<CoverageGap[]> {
    const end = new Date(now.getTime() + this.config.GAP_SCAN_DAYS * DAY_MS);
    const { schedule, gaps } = await this.dataSource.transaction(async (tx) => {
      const loaded = await this.store.load(tx, orgId, scheduleId, {
        forUpdate: true,
        revisionsFrom: now,
        overrides: { after: now, before: end },
      });
      const found = coverageGapsInHistory(toHistory(loaded), { start: now, end });
      await recordGaps(tx, { orgId, id: scheduleId }, found, now);
      return { schedule: loaded, gaps: found };
    });
    await this.announce(schedule, now);
    return gaps;
  }

  /**
   * Every live schedule of every organization, listed page by page, each scanned in its own transaction
   * with a fresh `now`. A schedule that fails is logged and skipped (one deleted since it was listed is
   * normal). `afterEach` runs after every schedule (the daily run renews its lease there); if it throws,
   * the scan stops.
   */
  async scanAll(afterEach: () => Promise<void> = async () => undefined): Promise<ScanAllResult> {
    const result: ScanAllResult = { scanned: 0, failed: 0 };
    let after: { orgId: string; id: string } | null = null;
    for (;;) {
      const page = await this.store.liveIdsAfter(this.store.db, after, PAGE_SIZE);
      for (const { org_id: orgId, id } of page) {
        if (await this.scanOne(orgId, id)) result.scanned++;
        else result.failed++;
        await afterEach();
      }
      if (page.length < PAGE_SIZE) return result;
      after = { orgId: page[page.length - 1].org_id, id: page[page.length - 1].id };
    }
  }

  private async scanOne(orgId: string, scheduleId: string): Promise<boolean> {
    try {
      await this.scanSchedule(orgId, scheduleId, this.clock.now());
      return true;
    } catch (error) {
      const deleted = error instanceof RpcError && error.code === 'NOT_FOUND';
      const log = { err: error, orgId, scheduleId };
      if (deleted) this.logger.debug(log, 'Schedule deleted during the coverage-gap scan; skipped');
      else this.logger.error(log, `Coverage-gap scan of schedule ${scheduleId} failed; continuing`);
      return false;
    }
  }

  private async announce(schedule: LoadedSchedule, now: Date): Promise<void> {
    const scope = [schedule.row.org_id, schedule.row.id];
    const pending = await queryRows<Pick<GapRow, 'starts_at'>>(
      this.store.db,
      'SELECT starts_at FROM coverage_gaps WHERE org_id = $1 AND schedule_id = $2 AND announced_at IS NULL',
      scope,
    );
    if (pending.length === 0) return;
    const context: MessageContext = { orgId: schedule.row.org_id, correlationId: randomUUID(), causationId: null };
    const affected = await this.affected.of(schedule.row.id, context);
    await this.dataSource.transaction(async (tx) => {
      // Claimed rows only: another replica announcing the same gaps at the same moment skips them.
      const claimed = await queryRows<Omit<GapRow, 'announced_at'>>(
        tx,
        `SELECT starts_at, ends_at FROM coverage_gaps
         WHERE org_id = $1 AND schedule_id = $2 AND announced_at IS NULL FOR UPDATE SKIP LOCKED`,
        scope,
      );
      if (claimed.length === 0) return;
      const messages = claimed.map((gap) => gapDetected(schedule, gap, affected, context, now));
      await enqueueOutboxMessages(tx, messages);
      await tx.query(
        `UPDATE coverage_gaps SET announced_at = $3
         WHERE org_id = $1 AND schedule_id = $2 AND starts_at = ANY($4::timestamptz[])`,
        [...scope, now, claimed.map((gap) => gap.starts_at)],
      );
    });
  }
}

function gapDetected(
  schedule: LoadedSchedule,
  gap: { starts_at: Date; ends_at: Date },
  affected: AffectedServices,
  context: MessageContext,
  now: Date,
) {
  const data: CoverageGapDetected = {
    scheduleId: schedule.row.id,
    scheduleName: schedule.row.name,
    start: gap.starts_at.toISOString(),
    end: gap.ends_at.toISOString(),
    affectedServices: affected.services,
    affectedServicesKnown: affected.known,
  };
  const metadata = { ...context, eventId: randomUUID(), occurredAt: now.toISOString(), schemaVersion: 1 };
  const envelope = { type: COVERAGE_GAP_DETECTED, data, metadata };
  return outboxMessageFor(schedulingEventSubject(COVERAGE_GAP_DETECTED), envelope, schedule.row.id);
}
