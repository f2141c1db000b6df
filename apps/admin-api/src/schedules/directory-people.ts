import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findOrgRow } from '../directory/shared/org-rows';
import { isUuid } from '../directory/shared/uuid';

export interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * The people schedules refer to, read from admin-api's own directory: scheduling stores user ids only, so
 * every name shown comes from here, always within the caller's organization. (Whether ids are active
 * users is checked by the directory's one check, `requireActiveUsers`.)
 */
@Injectable()
export class DirectoryPeople {
  constructor(private readonly dataSource: DataSource) {}

  /** Names and e-mails by user id (deactivated users keep theirs: history still names them). */
  async byId(orgId: string, ids: readonly (string | null | undefined)[]): Promise<Map<string, Person>> {
    const wanted = [...new Set(ids.filter(isUuid))];
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
}
