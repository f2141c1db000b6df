import { Injectable } from '@nestjs/common';
import { NormalizedEscalationPolicy } from '@oncall/escalation-domain';
import { queryRows } from '@oncall/platform-persistence';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PolicyRow, storedDefinitionOf } from './policy-row';

export type PagedPolicyRow = PolicyRow & { page_key: string };

/** The SQL of the escalation_policies table; every statement is scoped by org_id. */
@Injectable()
export class EscalationPolicyStore {
  async insert(tx: EntityManager, orgId: string, definition: NormalizedEscalationPolicy): Promise<PolicyRow> {
    const [row] = await queryRows<PolicyRow>(
      tx,
      `INSERT INTO escalation_policies (id, org_id, name, definition, version)
       VALUES ($1, $2, $3, $4, 1) RETURNING *`,
      [randomUUID(), orgId, definition.name, JSON.stringify(storedDefinitionOf(definition))],
    );
    return row;
  }

  async find(
    db: EntityManager,
    orgId: string,
    id: string,
    { forUpdate = false } = {},
  ): Promise<PolicyRow | undefined> {
    const rows = await queryRows<PolicyRow>(
      db,
      `SELECT * FROM escalation_policies WHERE org_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [orgId, id],
    );
    return rows[0];
  }

  async replace(
    tx: EntityManager,
    orgId: string,
    id: string,
    definition: NormalizedEscalationPolicy,
  ): Promise<PolicyRow> {
    const [row] = await queryRows<PolicyRow>(
      tx,
      `UPDATE escalation_policies SET name = $3, definition = $4, version = version + 1, updated_at = now()
       WHERE org_id = $1 AND id = $2 RETURNING *`,
      [orgId, id, definition.name, JSON.stringify(storedDefinitionOf(definition))],
    );
    return row;
  }

  async remove(tx: EntityManager, orgId: string, id: string): Promise<void> {
    await queryRows(tx, 'DELETE FROM escalation_policies WHERE org_id = $1 AND id = $2 RETURNING id', [
      orgId,
      id,
    ]);
  }

  /**
   * Oldest first on (created_at, id), `limit + 1` rows so the caller knows whether another page follows.
   * `page_key` is created_at to the microsecond: a JS Date would round it and repeat a row across pages.
   */
  page(
    db: EntityManager,
    orgId: string,
    limit: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<PagedPolicyRow[]> {
    const params: unknown[] = [orgId];
    let where = 'org_id = $1';
    if (after) {
      params.push(after.createdAt, after.id);
      where += ' AND (created_at, id) > ($2::timestamptz, $3::uuid)';
    }
    return queryRows<PagedPolicyRow>(
      db,
      `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS page_key
       FROM escalation_policies WHERE ${where} ORDER BY created_at, id LIMIT ${limit + 1}`,
      params,
    );
  }

  /** Policies of the organization with a step paging one of the schedules, by name. */
  usingSchedules(db: EntityManager, orgId: string, scheduleIds: string[]): Promise<PolicyRow[]> {
    return queryRows<PolicyRow>(
      db,
      `SELECT * FROM escalation_policies p
       WHERE org_id = $1 AND EXISTS (
         SELECT 1 FROM jsonb_array_elements(p.definition -> 'steps') AS step,
                       jsonb_array_elements(step -> 'targets') AS target
         WHERE target ->> 'type' = 'schedule' AND target ->> 'id' = ANY($2::text[]))
       ORDER BY lower(name), id`,
      [orgId, scheduleIds],
    );
  }
}
