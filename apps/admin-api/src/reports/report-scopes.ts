import { Inject, Injectable } from '@nestjs/common';
import { IncidentReportQuery, ReportFilters } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { Technician } from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { invalidField } from '../directory/shared/directory-errors';
import { requireOrgReference } from '../directory/shared/org-references';
import { IncidentReportQueryDto, ReportWindowQueryDto } from './report-query.dto';

const DAY_MS = 86_400_000;
export const DEFAULT_REPORT_DAYS = 30;
export const MAX_REPORT_DAYS = 400;

export interface ReportPerson extends Technician {
  name: string;
}

/**
 * Turns a report's query string into what reporting is asked: the window with its defaults, and the
 * directory's filters (client, team) as services, since reporting keeps no copy of the directory. Every
 * id named must be one of the caller's organization (400 naming the field otherwise).
 */
@Injectable()
export class ReportScopes {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  windowOf(query: ReportWindowQueryDto): { from: string; to: string } {
    const to = query.to ? Date.parse(query.to) : this.clock.now().getTime();
    const from = query.from ? Date.parse(query.from) : to - DEFAULT_REPORT_DAYS * DAY_MS;
    if (from >= to) throw invalidField('to', 'to must be after from');
    if (to - from > MAX_REPORT_DAYS * DAY_MS)
      throw invalidField('from', `a report covers at most ${MAX_REPORT_DAYS} days`);
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  }

  async incidentQuery(orgId: string, query: IncidentReportQueryDto): Promise<IncidentReportQuery> {
    const db = this.dataSource.manager;
    if (query.serviceId) await requireOrgReference(db, 'services', orgId, query.serviceId, 'serviceId');
    if (query.clientId) await requireOrgReference(db, 'clients', orgId, query.clientId, 'clientId');
    if (query.teamId) await requireOrgReference(db, 'teams', orgId, query.teamId, 'teamId');
    const services: { id: string; client_id: string | null; team_id: string | null }[] = await db.query(
      'SELECT id, client_id, team_id FROM services WHERE org_id = $1',
      [orgId],
    );
    const filters: ReportFilters = { ...this.windowOf(query) };
    const narrowed = services.filter(
      (service) =>
        (!query.serviceId || service.id === query.serviceId) &&
        (!query.clientId || service.client_id === query.clientId) &&
        (!query.teamId || service.team_id === query.teamId),
    );
    // A filter matching no service must match no incident (not all of them).
    if (query.serviceId || query.clientId || query.teamId)
      filters.serviceIds = narrowed.length > 0 ? narrowed.map((service) => service.id) : [''];
    if (query.severity) filters.severities = query.severity;
    if (query.source) filters.sourceIds = [query.source];
    return {
      ...filters,
      clientOf: Object.fromEntries(services.map((service) => [service.id, service.client_id])),
    };
  }

  /** Active people of the organization, or of one team, with the zone their own clock runs in. */
  async people(orgId: string, teamId?: string): Promise<ReportPerson[]> {
    const db = this.dataSource.manager;
    if (teamId) await requireOrgReference(db, 'teams', orgId, teamId, 'teamId');
    const rows: { id: string; name: string; time_zone: string }[] = teamId
      ? await db.query(
          `SELECT u.id, u.name, u.time_zone FROM team_members m JOIN users u ON u.org_id = m.org_id AND u.id = m.user_id
           WHERE m.org_id = $1 AND m.team_id = $2 AND u.active ORDER BY u.name, u.id`,
          [orgId, teamId],
        )
      : await db.query(
          'SELECT id, name, time_zone FROM users WHERE org_id = $1 AND active ORDER BY name, id',
          [orgId],
        );
    return rows.map((row) => ({ userId: row.id, name: row.name, timeZone: row.time_zone }));
  }

  async person(orgId: string, userId: string): Promise<ReportPerson[]> {
    const rows: { id: string; name: string; time_zone: string }[] = await this.dataSource.query(
      'SELECT id, name, time_zone FROM users WHERE org_id = $1 AND id = $2',
      [orgId, userId],
    );
    return rows.map((row) => ({ userId: row.id, name: row.name, timeZone: row.time_zone }));
  }
}
