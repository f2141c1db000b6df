import { Injectable } from '@nestjs/common';
import { Severity, TicketIncidentFacts } from '@oncall/contracts';
import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';
import { LinkKey } from '../links/ticket-link.rows';

export interface AlertFacts {
  summary: string;
  source: string | null;
  device: string | null;
}

export interface IncidentCopy {
  serviceId: string;
  title: string;
  severity: Severity;
  alert: AlertFacts | null;
  triggeredAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

interface IncidentRow {
  service_id: string;
  title: string;
  severity: Severity;
  alert: AlertFacts | null;
  triggered_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

/** What psa-sync knows of each incident to describe it on a ticket: kept from its events, never asked for. */
@Injectable()
export class IncidentCopies {
  /** From IncidentTriggered: the whole story (a copy made from a ticket request gets the alert added). */
  async recordTriggered(
    tx: EntityManager,
    key: LinkKey,
    facts: TicketIncidentFacts,
    alert: AlertFacts | null,
  ) {
    await tx.query(
      `INSERT INTO incidents (org_id, incident_id, service_id, title, severity, alert, triggered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (org_id, incident_id) DO UPDATE SET alert = COALESCE(incidents.alert, EXCLUDED.alert)`,
      [key.orgId, key.incidentId, facts.serviceId, facts.title, facts.severity, alert && JSON.stringify(alert), facts.triggeredAt], // prettier-ignore
    );
  }

  /** From a ticket request: what incident-state answered admin-api, in case the trigger has not come yet. */
  async recordIfMissing(tx: EntityManager, key: LinkKey, facts: TicketIncidentFacts): Promise<void> {
    await tx.query(
      `INSERT INTO incidents (org_id, incident_id, service_id, title, severity, triggered_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [key.orgId, key.incidentId, facts.serviceId, facts.title, facts.severity, facts.triggeredAt],
    );
  }

  /** The first acknowledgement is the one a ticket reports (response time). */
  async recordAcknowledged(tx: EntityManager, key: LinkKey, at: string, by: string | null): Promise<void> {
    await tx.query(
      `UPDATE incidents SET acknowledged_at = $3, acknowledged_by = $4
       WHERE org_id = $1 AND incident_id = $2 AND acknowledged_at IS NULL`,
      [key.orgId, key.incidentId, at, by],
    );
  }

  async find(db: Pick<EntityManager, 'query'>, key: LinkKey): Promise<IncidentCopy | undefined> {
    const [row] = await queryRows<IncidentRow>(
      db,
      'SELECT * FROM incidents WHERE org_id = $1 AND incident_id = $2',
      [key.orgId, key.incidentId],
    );
    if (!row) return undefined;
    return {
      serviceId: row.service_id,
      title: row.title,
      severity: row.severity,
      alert: row.alert,
      triggeredAt: new Date(row.triggered_at).toISOString(),
      acknowledgedAt: row.acknowledged_at && new Date(row.acknowledged_at).toISOString(),
      acknowledgedBy: row.acknowledged_by,
    };
  }
}
