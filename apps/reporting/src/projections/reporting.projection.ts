import { Injectable } from '@nestjs/common';
import { MessageEnvelope } from '@oncall/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { projectEscalationEvent } from './escalation-facts';
import { projectIncidentEvent } from './incident-facts';
import { projectSchedulingEvent } from './schedule-facts';

/** Where a fact came from decides how it is projected. */
export type FactSource = 'incident' | 'escalation' | 'scheduling';

/** The read models a rebuild empties (report_facts is the record they are rebuilt from). */
export const REPORT_TABLES = [
  'report_incidents',
  'report_acknowledgements',
  'report_pages',
  'report_schedules',
  'report_schedule_revisions',
  'report_overrides',
  'report_quarter_rollups',
] as const;

const PROJECTORS: Record<FactSource, (envelope: MessageEnvelope, tx: EntityManager) => Promise<void>> = {
  incident: projectIncidentEvent,
  escalation: projectEscalationEvent,
  scheduling: projectSchedulingEvent,
};

/**
 * Keeps reporting's read models: a fact is stored once in report_facts (by event id) and projected in the
 * same transaction, so a redelivered message changes nothing and rows are current as soon as it commits.
 */
@Injectable()
export class ReportingProjection {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns false when the fact was already recorded (a redelivery). */
  record(source: FactSource, envelope: MessageEnvelope): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO report_facts (event_id, org_id, type, occurred_at, envelope)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING RETURNING seq`,
        [
          envelope.metadata.eventId,
          envelope.metadata.orgId,
          `${source}:${envelope.type}`,
          envelope.metadata.occurredAt,
          JSON.stringify(envelope),
        ],
      );
      if (inserted.length === 0) return false;
      await PROJECTORS[source](envelope, tx);
      return true;
    });
  }
}

/** Projects one stored fact (a row of report_facts) again: the rebuild's step. */
export function projectStoredFact(type: string, envelope: MessageEnvelope, tx: EntityManager): Promise<void> {
  const source = type.slice(0, type.indexOf(':')) as FactSource;
  return PROJECTORS[source](envelope, tx);
}
