import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IncidentPage, ListIncidentsQuery, Queries, RpcRequest } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { boundedPage, pageLimit } from './bounded-page';
import { decodeCursor, encodeCursor } from './incident-cursor';
import { IncidentRow, rowToSummary, SUMMARY_COLUMNS } from './incident-row.mapper';

/**
 * The incident list of one organization: filters, keyset pagination on (triggered_at, id), pages bounded
 * in count and bytes (titles may be long).
 */
@Controller()
export class ListIncidentsHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(Queries.incident.list)
  async handle(@Payload() request: RpcRequest<ListIncidentsQuery>): Promise<IncidentPage> {
    const { orgId } = organizationContextOf(request);
    const query = request.data;
    const limit = pageLimit(query.limit);
    const newestFirst = (query.sort ?? 'newest') === 'newest';
    const { where, params } = buildFilters(orgId, query, newestFirst);
    const rows: IncidentRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM incidents WHERE ${where.join(' AND ')}
       ORDER BY triggered_at ${newestFirst ? 'DESC' : 'ASC'}, id ${newestFirst ? 'DESC' : 'ASC'}
       LIMIT ${limit + 1}`,
      params,
    );
    return boundedPage(rows, limit, rowToSummary, (last) =>
      encodeCursor({ triggeredAt: last.triggeredAt, id: last.incidentId }),
    );
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
    const position = decodeCursor(query.cursor);
    params.push(position.triggeredAt, position.id);
    const [at, id] = [`$${params.length - 1}::timestamptz`, `$${params.length}::uuid`];
    where.push(newestFirst ? `(triggered_at, id) < (${at}, ${id})` : `(triggered_at, id) > (${at}, ${id})`);
  }
  return { where, params };
}
