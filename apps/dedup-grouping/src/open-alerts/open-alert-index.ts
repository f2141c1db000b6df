import { Injectable } from '@nestjs/common';
import { CanonicalAlert } from '@oncall/contracts';
import { OpenAlert } from '@oncall/dedup-domain';
import { queryRows } from '@oncall/platform-persistence';
import { DataSource } from 'typeorm';
import { SharedStatement } from './shared-statement';

/**
 * What the index knows of an alert key: its open incident (null once released), and the last stream
 * sequence of the key whose step was applied, which survives the release (ADR 0156).
 */
export interface AlertKeyState {
  open: OpenAlert | null;
  appliedThrough: number;
  /** The incident the key belonged to before it was released (for the history of replayed alerts). */
  lastIncidentId: string | null;
}

interface KeyRow {
  incident_id: string | null;
  opened_by_alert_id: string | null;
  applied_through: string;
  last_incident_id: string | null;
}

const KEY_COLUMNS = 'incident_id, opened_by_alert_id, applied_through, last_incident_id';
const KEY = 'org_id = $1 AND integration_id = $2 AND dedup_key = $3';

interface Claim {
  alert: CanonicalAlert;
  incidentId: string;
  sequence: number;
}

interface Applied {
  alert: CanonicalAlert;
  sequence: number;
}

/** The keys of a shared statement, as arrays of one column each: `unnest($1::text[], $2::uuid[], $3::text[])`. */
const KEY_ARRAYS = (calls: readonly { alert: CanonicalAlert }[]) => [
  calls.map(({ alert }) => alert.orgId),
  calls.map(({ alert }) => alert.integrationId),
  calls.map(({ alert }) => alert.dedupKey),
];
const keyOf = ({ alert }: { alert: CanonicalAlert }) =>
  JSON.stringify([alert.orgId, alert.integrationId, alert.dedupKey]);
const SAME_KEY = (a: string, b: string) =>
  `${a}.org_id = ${b}.org_id AND ${a}.integration_id = ${b}.integration_id AND ${a}.dedup_key = ${b}.dedup_key`;

/**
 * The open-alert index in PostgreSQL; the primary key makes two replicas agree on who opened a key. A
 * released key keeps its row as a tombstone (no incident) until the alert stream no longer holds what it
 * applied.
 */
@Injectable()
export class OpenAlertIndex {
  /** Claims and applied marks of the keys being correlated at once share statements (one round trip each). */
  private readonly claims = new SharedStatement((calls: readonly Claim[]) => this.claimAll(calls), keyOf);
  private readonly applieds = new SharedStatement(
    (calls: readonly Applied[]) => this.appliedAll(calls),
    keyOf,
  );

  constructor(private readonly dataSource: DataSource) {}

  async find(alert: CanonicalAlert): Promise<AlertKeyState> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT ${KEY_COLUMNS} FROM open_alerts WHERE ${KEY}`,
      [alert.orgId, alert.integrationId, alert.dedupKey],
    );
    return toState(rows[0]);
  }

  /**
   * Records that `incidentId` is the open incident of the alert's key, unless another alert holds it or the
   * key already applied `sequence` (a replay); answers the key's state after the claim.
   */
  async claim(alert: CanonicalAlert, incidentId: string, sequence: number): Promise<AlertKeyState> {
    const row = await this.claims.run({ alert, incidentId, sequence });
    // Not claimed, yet seen free and short of `sequence`: the row changed after this statement's snapshot
    // was taken (or committed after it): read it now.
    if (!row || (row.incident_id === null && Number(row.applied_through) < sequence)) {
      const holder = await this.find(alert);
      if (!holder.open && holder.appliedThrough < sequence) {
        throw new Error(`Open alert ${alert.dedupKey} changed while being claimed; will retry`);
      }
      return holder;
    }
    return toState(row);
  }

  /** The steps of the alert's key up to `sequence` are applied: a replay skips them. */
  async applied(alert: CanonicalAlert, sequence: number): Promise<void> {
    await this.applieds.run({ alert, sequence });
  }

  /**
   * The claims of distinct keys in one statement: each key's row as this statement left it (claimed), or
   * else as its snapshot saw it; undefined for neither (see `claim`).
   */
  private async claimAll(calls: readonly Claim[]): Promise<(KeyRow | undefined)[]> {
    const rows: (KeyRow & { at: number; claimed: boolean })[] = await this.dataSource.query(
      `WITH wanted AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::bigint[])
           WITH ORDINALITY AS w(org_id, integration_id, dedup_key, incident_id, opened_by_alert_id, sequence, at)
       ), claimed AS (
         INSERT INTO open_alerts (org_id, integration_id, dedup_key, incident_id, opened_by_alert_id)
         SELECT org_id, integration_id, dedup_key, incident_id, opened_by_alert_id FROM wanted ORDER BY at
         ON CONFLICT (org_id, integration_id, dedup_key) DO UPDATE
           SET incident_id = EXCLUDED.incident_id, opened_by_alert_id = EXCLUDED.opened_by_alert_id,
               opened_at = now(), released_at = NULL
           WHERE open_alerts.incident_id IS NULL
             AND open_alerts.applied_through < (SELECT sequence FROM wanted w WHERE ${SAME_KEY('w', 'open_alerts')})
         RETURNING org_id, integration_id, dedup_key, ${KEY_COLUMNS}
       )
       SELECT w.at, true AS claimed, c.${KEY_COLUMNS.split(', ').join(', c.')}
       FROM claimed c JOIN wanted w ON ${SAME_KEY('w', 'c')}
       UNION ALL
       SELECT w.at, false, o.${KEY_COLUMNS.split(', ').join(', o.')}
       FROM open_alerts o JOIN wanted w ON ${SAME_KEY('w', 'o')}`,
      [
        ...KEY_ARRAYS(calls),
        calls.map(({ incidentId }) => incidentId),
        calls.map(({ alert }) => alert.alertId),
        calls.map(({ sequence }) => sequence),
      ],
    );
    const byCall: (KeyRow | undefined)[] = calls.map(() => undefined);
    for (const row of rows) {
      const at = Number(row.at) - 1;
      if (row.claimed || !byCall[at]) byCall[at] = row;
    }
    return byCall;
  }

  private async appliedAll(calls: readonly Applied[]): Promise<void[]> {
    await this.dataSource.query(
      `UPDATE open_alerts o SET applied_through = GREATEST(o.applied_through, u.sequence)
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bigint[]) AS u(org_id, integration_id, dedup_key, sequence)
       WHERE ${SAME_KEY('o', 'u')}`,
      [...KEY_ARRAYS(calls), calls.map(({ sequence }) => sequence)],
    );
    return calls.map(() => undefined);
  }

  /** The incident is closed: its keys are free (tombstones), and the next trigger opens a new incident. */
  async releaseIncident(orgId: string, incidentId: string): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE open_alerts
       SET last_incident_id = incident_id, incident_id = NULL, opened_by_alert_id = NULL, released_at = now()
       WHERE org_id = $1 AND incident_id = $2
       RETURNING last_incident_id`,
      [orgId, incidentId],
    );
    return rows.length;
  }

  /**
   * The incident was merged into `targetIncidentId`: its keys now belong to the target, so a repeat
   * alert is appended there and the source's resolve resolves the target.
   */
  async moveIncident(orgId: string, incidentId: string, targetIncidentId: string): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE open_alerts SET incident_id = $3 WHERE org_id = $1 AND incident_id = $2
       RETURNING incident_id`,
      [orgId, incidentId, targetIncidentId],
    );
    return rows.length;
  }

  /**
   * Forgets tombstones released longer ago than the alert stream keeps messages: no replay can reach
   * what they applied any more. Answers how many went (at most `batch`).
   */
  async forgetReleased(olderThanMs: number, batch = 5_000): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `DELETE FROM open_alerts WHERE ctid IN (
         SELECT ctid FROM open_alerts
         WHERE incident_id IS NULL AND released_at < now() - make_interval(secs => $1)
         LIMIT ${batch})
       RETURNING org_id`,
      [olderThanMs / 1000],
    );
    return rows.length;
  }
}

function toState(row: KeyRow | undefined): AlertKeyState {
  if (!row) return { open: null, appliedThrough: 0, lastIncidentId: null };
  const open =
    row.incident_id !== null && row.opened_by_alert_id !== null
      ? { incidentId: row.incident_id, openedByAlertId: row.opened_by_alert_id }
      : null;
  return { open, appliedThrough: Number(row.applied_through), lastIncidentId: row.last_incident_id };
}
