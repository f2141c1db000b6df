import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  ALERT_HISTORY_PAGE_MAX,
  AlertHistoryEntry,
  AlertHistoryPage,
  AlertHistoryQuery,
  CanonicalAlert,
  alertHistoryCursor,
  MessageEnvelope,
} from '@oncall/contracts';
import { CorrelationVerdict } from '@oncall/dedup-domain';
import { readCursor } from '@oncall/platform-messaging';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER } from '@oncall/platform-runtime';
import { deflateEnvelope, inflateEnvelope } from './envelope-compression';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ReceivedAlert } from '../correlation/received-alert';

interface HistoryRow {
  position: string;
  alert_id: string;
  incident_id: string | null;
  disposition: 'page' | 'record';
  action: AlertHistoryEntry['action'];
  stored_at: Date;
  envelope: Buffer;
  correlation: CorrelationVerdict | null;
}

const DEFAULT_PAGE = 50;
const COLUMNS = [
  'alert_id',
  'org_id',
  'incident_id',
  'disposition',
  'action',
  'stored_at',
  'envelope',
  'correlation',
];
/**
 * Rows deflated and written at a time. Deflating and encoding rows is synchronous work on the event loop:
 * in slices of this size (a few ms each) the alerts of other organizations are correlated between them,
 * where one slice of a storm's 5,000 rows held everything up for a second (issue 9's storm test).
 */
const ROWS_PER_INSERT = 500;
const ENVELOPE_COLUMN = COLUMNS.indexOf('envelope');

/** Queued rows beyond which steps wait for the history (back-pressure instead of unbounded memory). */
const MAX_PENDING_ROWS = 20_000;
const RETRY_MS = 1_000;
const SHUTDOWN_FLUSH_MS = 2_000;

/**
 * The alert history (ADR 0174): one row per alert, queued by the step that handled it and written behind
 * it (idempotent: a replayed alert changes nothing), holding the envelope exactly as received, deflated.
 * Repeats are stored without being parsed.
 */
@Injectable()
export class AlertHistoryStore implements OnModuleDestroy {
  private pending: unknown[][] = [];
  /** Rows ever queued and ever written, in queue order: a row's ordinal tells when it is written. */
  private queued = 0;
  private written = 0;
  private readonly waitingForWrite: { through: number; resolve: () => void }[] = [];
  private flushing?: Promise<void>;
  private readonly waitingForRoom: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Queues the alerts of one step for the history (write-behind): paging never waits on it, and steps of
   * many keys share inserts. Only while the queue is over MAX_PENDING_ROWS (the database slower than the
   * alerts) does a step wait for room. Answers a promise of the rows being written: the correlator moves
   * a partition's checkpoint past an alert only then, so a crash replays the alert (idempotently) rather
   * than lose its row.
   */
  async keep(
    orgId: string,
    alerts: readonly ReceivedAlert[],
    incidentId: string | null,
  ): Promise<{ written: Promise<void> }> {
    const storedAt = this.clock.now().toISOString();
    for (const received of alerts) {
      this.pending.push([
        received.alertId,
        orgId,
        incidentId,
        received.disposition,
        received.action,
        storedAt,
        received.envelopeBytes(),
        received.verdict ? JSON.stringify(received.verdict) : null,
      ]);
    }
    this.queued += alerts.length;
    const written = this.writtenThrough(this.queued);
    this.flushing ??= this.flush();
    if (this.pending.length > MAX_PENDING_ROWS)
      await new Promise<void>((resolve) => this.waitingForRoom.push(resolve));
    return { written };
  }

  /** Writes what is queued before the process ends (bounded: what cannot be written is replayed). */
  async onModuleDestroy(): Promise<void> {
    await Promise.race([this.flushing, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_MS))]);
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const rows = this.pending.slice(0, ROWS_PER_INSERT);
      try {
        await this.insert(rows.map(deflated));
        this.pending = this.pending.slice(rows.length);
        this.wrote(rows.length);
        if (this.pending.length <= MAX_PENDING_ROWS) this.waitingForRoom.splice(0).forEach((wake) => wake());
      } catch (error) {
        this.logger.warn({ err: error, rows: rows.length }, 'Writing the alert history failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
    this.flushing = undefined;
  }

  private writtenThrough(ordinal: number): Promise<void> {
    if (ordinal <= this.written) return Promise.resolve();
    return new Promise((resolve) => this.waitingForWrite.push({ through: ordinal, resolve }));
  }

  private wrote(rows: number): void {
    this.written += rows;
    // Waiters were queued in ordinal order.
    while (this.waitingForWrite.length > 0 && this.waitingForWrite[0].through <= this.written)
      this.waitingForWrite.shift()?.resolve();
  }

  private async insert(rows: readonly unknown[][]): Promise<void> {
    const placeholders = rows.map(
      (_, i) => `(${COLUMNS.map((__, c) => `$${i * COLUMNS.length + c + 1}`).join(', ')})`,
    );
    await this.dataSource.query(
      `INSERT INTO alert_history (${COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}
       ON CONFLICT (alert_id) DO NOTHING`,
      rows.flat(),
    );
  }

  /** A page of `orgId`'s history, newest first; a cursor we did not write is VALIDATION_FAILED. */
  async page(orgId: string, query: AlertHistoryQuery): Promise<AlertHistoryPage> {
    const after = query.cursor === undefined ? null : readCursor(alertHistoryCursor, query.cursor);
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), ALERT_HISTORY_PAGE_MAX);
    const conditions = ['org_id = $1'];
    const values: unknown[] = [orgId];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (query.incidentId !== undefined) add('incident_id = ?', query.incidentId);
    if (query.disposition !== undefined) add('disposition = ?', query.disposition);
    if (after) add('position < ?', after[0]);
    const rows: HistoryRow[] = await this.dataSource.query(
      `SELECT position, alert_id, incident_id, disposition, action, stored_at, envelope, correlation
       FROM alert_history
       WHERE ${conditions.join(' AND ')} ORDER BY position DESC LIMIT ${limit + 1}`,
      values,
    );
    const items = rows.slice(0, limit).map(toEntry);
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit ? alertHistoryCursor.encode([last.position]) : null };
  }

  /** Forgets what is older than `before`, a bounded batch at a time; answers how many rows went. */
  async prune(before: Date, batch = 5_000): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM alert_history WHERE alert_id IN (
         SELECT alert_id FROM alert_history WHERE stored_at < $1 LIMIT ${batch})`,
      [before.toISOString()],
    )) as [unknown, number];
    return deleted;
  }
}

const withReason = (recordReason: string | undefined) => (recordReason ? { recordReason } : {});

function toEntry(row: HistoryRow): AlertHistoryEntry {
  const envelope = JSON.parse(inflateEnvelope(row.envelope).toString('utf8')) as MessageEnvelope<
    'AlertReceived',
    CanonicalAlert
  >;
  const { raw, ...alert } = envelope.data;
  return {
    alertId: row.alert_id,
    incidentId: row.incident_id,
    disposition: row.disposition,
    ...withReason(row.correlation?.recordReason ?? alert.recordReason),
    ...(row.correlation
      ? { routedTo: { serviceId: row.correlation.serviceId, ruleId: row.correlation.ruleId } }
      : {}),
    action: row.action,
    storedAt: row.stored_at.toISOString(),
    alert,
    ...(raw !== undefined ? { raw } : {}),
  };
}

/** A queued row with its envelope deflated (deflated when written, not when queued: see ROWS_PER_INSERT). */
function deflated(row: readonly unknown[]): unknown[] {
  const copy = [...row];
  copy[ENVELOPE_COLUMN] = deflateEnvelope(row[ENVELOPE_COLUMN] as Uint8Array);
  return copy;
}
