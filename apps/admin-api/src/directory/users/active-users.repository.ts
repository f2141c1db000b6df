import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface OrganizationActiveUsers {
  orgId: string;
  activeUsers: number;
}

/** Which users are active: what billing counts and what keeps a person's links working. */
@Injectable()
export class ActiveUsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async isActive(orgId: string, userId: string): Promise<boolean> {
    const rows: { active: boolean }[] = await this.dataSource.query(
      'SELECT active FROM users WHERE org_id = $1 AND id = $2',
      [orgId, userId],
    );
    return rows[0]?.active === true;
  }

  /** Active users per organization, every organization listed (zero when it has none), by id. */
  async countByOrganization(): Promise<OrganizationActiveUsers[]> {
    const rows: { org_id: string; active_users: number }[] = await this.dataSource.query(
      `SELECT o.id AS org_id, count(u.id) FILTER (WHERE u.active)::int AS active_users
       FROM organizations o LEFT JOIN users u ON u.org_id = o.id
       GROUP BY o.id ORDER BY o.id`,
    );
    return rows.map((row) => ({ orgId: row.org_id, activeUsers: row.active_users }));
  }
}
