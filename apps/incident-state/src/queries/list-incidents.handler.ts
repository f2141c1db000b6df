import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IncidentPage, ListIncidentsQuery, Queries } from '@oncall/contracts';
import { OrgRequest } from '@oncall/platform-messaging';
import { boundedPage, pageLimit } from './bounded-page';
import { decodeCursor, encodeCursor } from './incident-cursor';
import { IncidentListReader } from './incident-list.reader';
import { rowToSummary } from './incident-row.mapper';

/**
 * The incident list of one organization: filters, keyset pagination on (triggered_at, id), pages bounded
 * in count and bytes (titles may be long).
 */
@Controller()
export class ListIncidentsHandler {
  constructor(private readonly reader: IncidentListReader) {}

  @MessagePattern(Queries.incident.list)
  async handle(@OrgRequest() { orgId, data }: OrgRequest<ListIncidentsQuery>): Promise<IncidentPage> {
    const { cursor, limit: asked, sort, ...filters } = data;
    const limit = pageLimit(asked);
    const rows = await this.reader.rows({
      orgId,
      filters,
      newestFirst: (sort ?? 'newest') === 'newest',
      after: cursor ? decodeCursor(cursor) : undefined,
      rows: limit + 1,
    });
    return boundedPage(rows, limit, rowToSummary, (last) =>
      encodeCursor({ triggeredAt: last.triggeredAt, id: last.incidentId }),
    );
  }
}
