import { Inject, Injectable } from '@nestjs/common';
import { COVERAGE_GAP_DETECTED, CoverageGapDetected, MessageContext, schedulingEventSubject } from '@oncall/contracts';
import { enqueueOutboxMessages, outboxMessageFor } from '@oncall/platform-outbox';
import { queryRows } from '@oncall/platform-persistence';
import { LOGGER } from '@oncall/platform-runtime';
import { CoverageGap, coverageGapsInHistory } from '@oncall/scheduling-domain';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { SchedulingConfig } from '../scheduling.config';
import { LoadedSchedule, toHistory } from '../store/schedule-rows';
import { ScheduleStore } from '../store/schedule-store';
import { AffectedServicesLookup } from './affected-services';

const DAY_MS = 24 * 60 * 60 * 1000;

interface GapRow {
  starts_at: Date;
  ends_at: Date;
  announced_at: Date | null;
}

/**
 * Finds the uncovered windows of a schedule's next GAP_SCAN_DAYS and keeps them for the SPA (a gap that
 * persists keeps its row, so it is announced once). Then, outside the schedule's lock, it asks which
 * services are affected and publishes each gap not yet announced through the outbox.
 */
@Injectable()
export class GapScanner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScheduleStore,
    private readonly affected: AffectedServicesLookup,
    private readonly config: SchedulingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** After a change: scan in the background; a failure is logged and the daily scan catches up. */
  rescanSoon(orgId: string, scheduleId: string): void {
    setImmediate(() => {
      this.scanSchedule(orgId, scheduleId).catch((error: Error) =>
        this.logger.warn({ err: error, scheduleId }, `Coverage-gap rescan failed: ${error.message}`),
      );
    });
  }

  async scanSchedule(orgId: string, scheduleId: string, now = new Date()): Promise<CoverageGap[]> {
    const { schedule, gaps } = await this.dataSource.transaction(async (tx) => {
      const loaded = await this.store.load(tx, orgId, scheduleId, { forUpdate: true, overridesAfter: now });
      return { schedule: loaded, gaps: await this.record(tx, loaded, now) };
    });
    await this.announce(schedule, now);
    return gaps;
  }

  /** Every schedule of every organization, one transaction each. */
  async scanAll(now = new Date()): Promise<number> {
    const schedules = await this.store.loadEverything(this.store.db, now);
    for (const schedule of schedules) await this.scanSchedule(schedule.row.org_id, schedule.row.id, now);
    return schedules.length;
  }

  private async record(tx: EntityManager, schedule: LoadedSchedule, now: Date): Promise<CoverageGap[]> {
    const window = { start: now, end: new Date(now.getTime() + this.config.GAP_SCAN_DAYS * DAY_MS) };
    const gaps = coverageGapsInHistory(toHistory(schedule), window);
    const starts = gaps.map((gap) => gap.start);
    const ends = gaps.map((gap) => gap.end);
    await tx.query(
      `DELETE FROM coverage_gaps g WHERE schedule_id = $1 AND NOT EXISTS (
         SELECT 1 FROM unnest($2::timestamptz[], $3::timestamptz[]) AS found(starts_at, ends_at)
         WHERE found.starts_at = g.starts_at AND found.ends_at = g.ends_at)`,
      [schedule.row.id, starts, ends],
    );
    await tx.query(
      `INSERT INTO coverage_gaps (schedule_id, org_id, starts_at, ends_at, detected_at)
       SELECT $1, $2, found.starts_at, found.ends_at, $5
       FROM unnest($3::timestamptz[], $4::timestamptz[]) AS found(starts_at, ends_at)
       ON CONFLICT (schedule_id, starts_at) DO NOTHING`,
      [schedule.row.id, schedule.row.org_id, starts, ends, now],
    );
    return gaps;
  }

  private async announce(schedule: LoadedSchedule, now: Date): Promise<void> {
    const pending = await queryRows<GapRow>(
      this.store.db,
      'SELECT starts_at, ends_at, announced_at FROM coverage_gaps WHERE schedule_id = $1 AND announced_at IS NULL',
      [schedule.row.id],
    );
    if (pending.length === 0) return;
    const context: MessageContext = { orgId: schedule.row.org_id, correlationId: randomUUID(), causationId: null };
    const affected = await this.affected.of(schedule.row.id, context);
    await this.dataSource.transaction(async (tx) => {
      // Claimed rows only: another replica announcing the same gaps at the same moment skips them.
      const claimed = await queryRows<GapRow>(
        tx,
        `SELECT starts_at, ends_at, announced_at FROM coverage_gaps
         WHERE schedule_id = $1 AND announced_at IS NULL FOR UPDATE SKIP LOCKED`,
        [schedule.row.id],
      );
      if (claimed.length === 0) return;
      const messages = claimed.map((gap) => {
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
      });
      await enqueueOutboxMessages(tx, messages);
      await tx.query('UPDATE coverage_gaps SET announced_at = $2 WHERE schedule_id = $1 AND announced_at IS NULL', [
        schedule.row.id,
        now,
      ]);
    });
  }
}
