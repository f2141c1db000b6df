import { MessageEnvelope, NOTIFY_REQUESTED, NotifyRequested } from '@oncall/contracts';
import { EntityManager } from 'typeorm';
import { IncidentKey, recordLevel, recordUnanswered } from './incident-row-writes';

/**
 * Pages (NotifyRequested of kind `page`) become report_pages rows and raise the incident's level; the walk
 * running out (EscalationUnanswered, or the managers' `unanswered` page) marks it unanswered; a step
 * fired or skipped raises the level too (a skipped first step means the incident needed the next one).
 */
export async function projectEscalationEvent(envelope: MessageEnvelope, tx: EntityManager): Promise<void> {
  const data = envelope.data as { incidentId?: string; level?: number };
  if (typeof data?.incidentId !== 'string') return;
  const key: IncidentKey = { orgId: envelope.metadata.orgId, incidentId: data.incidentId };
  if (envelope.type === NOTIFY_REQUESTED) return projectPage(envelope.data as NotifyRequested, key, tx);
  if (envelope.type === 'EscalationUnanswered') return recordUnanswered(tx, key);
  if (STEP_FACTS.has(envelope.type) && typeof data.level === 'number')
    return recordLevel(tx, key, data.level);
}

const STEP_FACTS = new Set(['StepFired', 'StepSkipped']);

async function projectPage(page: NotifyRequested, key: IncidentKey, tx: EntityManager): Promise<void> {
  if (page.kind === 'unanswered') return recordUnanswered(tx, key);
  await tx.query(
    `INSERT INTO report_pages (page_id, org_id, incident_id, user_id, at, level)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (page_id) DO NOTHING`,
    [page.pageId, key.orgId, key.incidentId, page.userId, page.requestedAt, page.level],
  );
  if (page.level !== null) await recordLevel(tx, key, page.level);
}
