import { Injectable } from '@nestjs/common';
import { ListIncidentsQuery } from '@oncall/contracts';
import { DataSource } from 'typeorm';
import { IncidentCursor } from './incident-cursor';
import { IncidentRow, SUMMARY_COLUMNS } from './incident-row.mapper';

/** Which incidents of an organization, in which order, after which position, and how many rows at most. */
export interface IncidentListRequest {
  orgId: string;
  filters: Omit<ListIncidentsQuery, 'cursor' | 'limit' | 'sort'>;
  newestFirst: boolean;
  after?: IncidentCursor;
  rows: number;
}

/** The incident read model's list rows: filters and keyset pagination on (triggered_at, id). */
@Injectable()
export class IncidentListReader {
  constructor(private readonly dataSource: DataSource) {}

  rows(request: IncidentListRequest): Promise<IncidentRow[]> {
    const { where, params } = buildFilters(request);
    const direction = request.newestFirst ? 'DESC' : 'ASC';
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM incidents WHERE ${where.join(' AND ')}
       ORDER BY triggered_at ${direction}, id ${direction}
       LIMIT ${request.rows}`,
      params,
    );
  }
}

function buildFilters({ orgId, filters, newestFirst, after }: IncidentListRequest) {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filters.status?.length) add((p) => `status = ANY(${p}::text[])`, filters.status);
  if (filters.severity?.length) add((p) => `severity = ANY(${p}::text[])`, filters.severity);
  if (filters.serviceId) add((p) => `service_id = ${p}`, filters.serviceId);
  if (filters.serviceIds) add((p) => `service_id = ANY(${p}::text[])`, filters.serviceIds);
  if (filters.assigneeId)
    add((p) => `(${p} = ANY(assigned_user_ids) OR acknowledged_by = ${p})`, filters.assigneeId);
  if (filters.from) add((p) => `triggered_at >= ${p}::timestamptz`, filters.from);
  if (filters.to) add((p) => `triggered_at < ${p}::timestamptz`, filters.to);
  if (after) {
    params.push(after.triggeredAt, after.id);
    const [at, id] = [`$${params.length - 1}::timestamptz`, `$${params.length}::uuid`];
    where.push(newestFirst ? `(triggered_at, id) < (${at}, ${id})` : `(triggered_at, id) > (${at}, ${id})`);
  }
  return { where, params };
}
