import { Injectable } from '@nestjs/common';
import { ListIncidentsQuery, ListIncidentsQueryDto } from '@oncall/contracts';
import { DataSource } from 'typeorm';
import { referencesOf, requireActiveUsers, requireOrgReference } from '../directory/shared/org-references';

/**
 * What the incident routes need from the directory, which admin-api owns and incident-state keeps no copy
 * of: filters and people checked against the caller's organization (400 naming the field otherwise).
 */
@Injectable()
export class IncidentScopes {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The list query incident-state is asked, with a client turned into its services; null when the client has
   * none (the answer is then an empty page). Another organization's id is refused, not answered empty.
   */
  async listQuery(orgId: string, query: ListIncidentsQueryDto): Promise<ListIncidentsQuery | null> {
    const { clientId, ...filters } = query;
    const request: ListIncidentsQuery = { ...filters };
    const db = this.dataSource.manager;
    if (query.serviceId) await requireOrgReference(db, 'services', orgId, query.serviceId, 'serviceId');
    if (query.assigneeId) {
      await requireOrgReference(db, 'users', orgId, query.assigneeId, 'assigneeId');
      request.assigneeId = query.assigneeId.toLowerCase(); // as incident-state stores user ids
    }
    if (clientId) {
      await requireOrgReference(db, 'clients', orgId, clientId, 'clientId');
      const rows: { id: string }[] = await db.query(
        'SELECT id FROM services WHERE org_id = $1 AND client_id = $2',
        [orgId, clientId],
      );
      if (rows.length === 0) return null;
      request.serviceIds = rows.map((row) => row.id);
    }
    return request;
  }

  /** The people an incident is reassigned to: active users of the organization, named by `field`. */
  requireAssignees(orgId: string, field: string, userIds: readonly string[]): Promise<void> {
    return requireActiveUsers(this.dataSource.manager, orgId, referencesOf(field, userIds));
  }
}
