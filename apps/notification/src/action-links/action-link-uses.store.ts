import { Injectable } from '@nestjs/common';
import { ActionLinkClaimsView } from '@oncall/contracts';
import { queryRows } from '@oncall/platform-persistence';
import { DataSource } from 'typeorm';

/** The single use of each one-click link, by its `jti`, kept until the link expires. */
@Injectable()
export class ActionLinkUses {
  constructor(private readonly dataSource: DataSource) {}

  async isUsed(jti: string): Promise<boolean> {
    const used = await queryRows(this.dataSource, 'SELECT 1 FROM action_link_uses WHERE jti = $1', [jti]);
    return used.length > 0;
  }

  /** Answers false when the link was used already. */
  async record(use: ActionLinkClaimsView, usedAt: Date): Promise<boolean> {
    const recorded = await queryRows(
      this.dataSource,
      `INSERT INTO action_link_uses (jti, org_id, user_id, incident_id, action, used_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (jti) DO NOTHING RETURNING jti`,
      [use.jti, use.orgId, use.userId, use.incidentId, use.action, usedAt, use.expiresAt],
    );
    return recorded.length > 0;
  }

  /** Answers false when there was no use to give back. */
  async release(jti: string): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource,
      'DELETE FROM action_link_uses WHERE jti = $1 RETURNING jti',
      [jti],
    );
    return rows.length > 0;
  }
}
