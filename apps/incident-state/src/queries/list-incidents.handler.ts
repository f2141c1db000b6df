import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IncidentPage, IncidentSummary, ListIncidentsQuery, Queries, RpcRequest } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from './incident-cursor';
import { IncidentRow, rowToSummary } from './incident-row.mapper';

const DEFAULT_LIMIT = 50;

/** The incident list of one organization: filters, keyset pagination on (triggered_at, id). */
@Controller()
export class ListIncidentsHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(Queries.incident.list)
  async handle(@Payload() request: RpcRequest<ListIncidentsQuery>): Promise<IncidentPage> {
    const { orgId } = organizationContextOf(request);
    const query = request.data;
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), 200);
    const newestFirst = (query.sort ?? 'newest') === 'newest';
    const { where, params } = buildFilters(orgId, query, newestFirst);
    const rows: IncidentRow[] = await this.dataSource.query(
      `SELECT * FROM incidents WHERE ${where.join(' AND ')}
       ORDER BY triggered_at ${newestFirst ? 'DESC' : 'ASC'}, id ${newestFirst ? 'DESC' : 'ASC'}
       LIMIT ${limit + 1}`,
      params,
    );
    const items: IncidentSummary[] = rows.slice(0, limit).map(rowToSummary);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ triggeredAt: last.triggeredAt, id: last.incidentId })
        : null;
    return { items, nextCursor };
  }
}

function buildFilters(orgId: string, query: ListIncidentsQuery, newestFirst: boolean) {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.status?.length) add((p) => `status = ANY(${p}::text[])`, query.status);
  if (query.severity?.length) add((p) => `severity = ANY(${p}::text[])`, query.severity);
  if (query.serviceId) add((p) => `service_id = ${p}`, query.serviceId);
  if (query.serviceIds) add((p) => `service_id = ANY(${p}::text[])`, query.serviceIds);
  if (query.assigneeId)
    add((p) => `(${p} = ANY(assigned_user_ids) OR acknowledged_by = ${p})`, query.assigneeId);
  if (query.from) add((p) => `triggered_at >= ${p}::timestamptz`, query.from);
  if (query.to) add((p) => `triggered_at < ${p}::timestamptz`, query.to);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    params.push(cursor.triggeredAt, cursor.id);
    const [at, id] = [`$${params.length - 1}::timestamptz`, `$${params.length}::uuid`];
    where.push(newestFirst ? `(triggered_at, id) < (${at}, ${id})` : `(triggered_at, id) > (${at}, ${id})`);
  }
  return { where, params };
}
