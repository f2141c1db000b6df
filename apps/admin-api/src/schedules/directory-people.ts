import { Injectable } from '@nestjs/common';
import { badRequestFor } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { requireOrgReference } from '../directory/shared/org-references';
import { findOrgRow } from '../directory/shared/org-rows';

export interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * The people (and teams) schedules refer to, read from admin-api's own directory: scheduling stores user
 * ids only, so every check and every name shown comes from here, always within the caller's organization.
 */
@Injectable()
export class DirectoryPeople {
  constructor(private readonly dataSource: DataSource) {}

  /** Names and e-mails by user id (deactivated users keep theirs: history still names them). */
  async byId(orgId: string, ids: readonly (string | null | undefined)[]): Promise<Map<string, Person>> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && isUuid(id)))];
    if (wanted.length === 0) return new Map();
    const rows: Person[] = await this.dataSource.query(
      'SELECT id, name, email FROM users WHERE org_id = $1 AND id = ANY($2::uuid[])',
      [orgId, wanted],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** 404 unless the user belongs to the organization (another organization's user looks missing). */
  async requireUser(orgId: string, id: string): Promise<void> {
    await findOrgRow(this.dataSource.manager, 'users', orgId, id);
  }

  /** 400 naming every field whose id is not an active user of the organization. */
  async requireActive(orgId: string, fields: { field: string; userId: string }[]): Promise<void> {
    if (fields.length === 0) return;
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM users WHERE org_id = $1 AND id = ANY($2::uuid[]) AND active',
      [orgId, [...new Set(fields.map((entry) => entry.userId))]],
    );
    const active = new Set(rows.map((row) => row.id));
    const errors = fields
      .filter((entry) => !active.has(entry.userId))
      .map((entry) => ({
        field: entry.field,
        message: `${entry.userId} is not an active user of your organization`,
      }));
    if (errors.length > 0) throw badRequestFor(errors);
  }

  async requireTeam(orgId: string, teamId: string): Promise<void> {
    await requireOrgReference(this.dataSource.manager, 'teams', orgId, teamId, 'teamId');
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
