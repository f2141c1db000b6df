import { Inject, Injectable } from '@nestjs/common';
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
import { Clock, CLOCK } from '@oncall/platform-clock';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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

const historyCursor = alertHistoryCursor;
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
/** PostgreSQL takes at most 65,535 parameters a statement. */
const MAX_ROWS_PER_INSERT = 5_000;

/** One step's rows (never split: a step is at most MAX_REPEATS_PER_STEP alerts), told when stored. */
interface PendingStep {
  rows: unknown[][];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Deflate's fastest level: the history is written on the alert path, read rarely. */
const DEFLATE_LEVEL = 1;

/**
 * The alert history (ADR 0174): one row per alert, written with the step that handled it (idempotent:
 * a replayed alert changes nothing), holding the envelope exactly as received, deflated. Repeats are
 * stored without being parsed, so a storm costs one insert per step, not a parse per alert.
 */
@Injectable()
export class AlertHistoryStore {
  private readonly pending: PendingStep[] = [];
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Stores the alerts of one step. Steps of many keys share inserts (group commit): a step waits for at
   * most the insert in flight and its own, and the correlator's 32 batches cost a few round trips, not 32.
   */
  keep(orgId: string, alerts: readonly ReceivedAlert[], incidentId: string | null): Promise<void> {
    if (alerts.length === 0) return Promise.resolve();
    const storedAt = this.clock.now().toISOString();
    const rows = alerts.map((received) => [
      received.alertId,
      orgId,
      incidentId,
      received.disposition,
      received.action,
      storedAt,
      deflateRawSync(received.envelopeBytes(), { level: DEFLATE_LEVEL }),
      received.verdict ? JSON.stringify(received.verdict) : null,
    ]);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      let count = 0;
      let taken = 0;
      // At least one step, then as many as fit one statement.
      while (
        taken < this.pending.length &&
        (taken === 0 || count + this.pending[taken].rows.length <= MAX_ROWS_PER_INSERT)
      ) {
        count += this.pending[taken].rows.length;
        taken += 1;
      }
      const steps = this.pending.splice(0, taken);
      try {
        await this.insert(steps.flatMap((step) => step.rows));
        for (const step of steps) step.resolve();
      } catch (error) {
        for (const step of steps) step.reject(error);
      }
    }
    this.flushing = false;
  }

  private async insert(rows: unknown[][]): Promise<void> {
    const placeholders = rows.map(
      (_, i) => `(${COLUMNS.map((__, c) => `$${i * COLUMNS.length + c + 1}`).join(', ')})`,
    );
    await this.dataSource.query(
      `INSERT INTO alert_history (${COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}
       ON CONFLICT (alert_id) DO NOTHING`,
      rows.flat(),
    );
  }

  /** A page of `orgId`'s history, newest first; null when the cursor is not one we wrote. */
  async page(orgId: string, query: AlertHistoryQuery): Promise<AlertHistoryPage | null> {
    const after = query.cursor === undefined ? null : historyCursor.decode(query.cursor);
    if (query.cursor !== undefined && !after) return null;
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
    return { items, nextCursor: rows.length > limit ? historyCursor.encode([last.position]) : null };
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
  const envelope = JSON.parse(inflateRawSync(row.envelope).toString('utf8')) as MessageEnvelope<
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
