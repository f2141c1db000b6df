import { ConflictException, Injectable } from '@nestjs/common';
import { HubClaims, Principal } from '@oncall/platform-auth';
import { isUniqueViolation, queryRows } from '@oncall/platform-persistence';
import { problem } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { refuseIfDeactivated } from './account-deactivated';
import { ChangeRecorder } from '../directory/shared/change-recorder';
import { toUserView, UserRow } from '../directory/users/user.view';

/**
 * Turns verified Hub claims into a principal. A user Hub knows but we do not is provisioned just in time
 * (and linked to a user a manager added earlier with the same e-mail); a deactivated user is refused.
 * Hub is authoritative for name, e-mail and role: the directory copy follows the token.
 */
@Injectable()
export class PrincipalProvisioner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: ChangeRecorder,
  ) {}

  async principalFor(claims: HubClaims, correlationId: string): Promise<Principal> {
    const known = await this.findUser(this.dataSource.manager, claims);
    const user = known && isInSync(known, claims) ? known : await this.provision(claims, correlationId);
    refuseIfDeactivated(user);
    return {
      orgId: claims.org_id,
      userId: user.id,
      hubUserId: claims.sub,
      email: claims.email,
      name: claims.name,
      role: claims.role,
    };
  }

  private findUser(db: DataSource['manager'], claims: HubClaims): Promise<UserRow | undefined> {
    return db
      .query(
        `SELECT * FROM users WHERE org_id = $1 AND (hub_user_id = $2 OR (hub_user_id IS NULL AND lower(email) = lower($3)))
         ORDER BY hub_user_id NULLS LAST LIMIT 1`,
        [claims.org_id, claims.sub, claims.email],
      )
      .then((rows: UserRow[]) => rows[0]);
  }

  private async provision(claims: HubClaims, correlationId: string): Promise<UserRow> {
    try {
      return await this.provisionInTransaction(claims, correlationId);
    } catch (error) {
      if (!(error instanceof EmailInUse) && !isUniqueViolation(error)) throw error;
      throw new ConflictException(
        problem(
          409,
          `The e-mail ${claims.email} belongs to another On-Call user of your organization; ask a manager.`,
          {
            code: 'EMAIL_IN_USE',
          },
        ),
      );
    }
  }

  private provisionInTransaction(claims: HubClaims, correlationId: string): Promise<UserRow> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('INSERT INTO organizations (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
        claims.org_id,
        claims.org_name ?? claims.org_id,
      ]);
      // One sign-in at a time per Hub identity and per e-mail (in any case): two Hub accounts with the same
      // address must not both link to the user a manager added. Always taken in the same order: no deadlock.
      const locks = [
        `provision:${claims.org_id}:${claims.sub}`,
        `provision:${claims.org_id}:${claims.email.toLowerCase()}`,
      ].sort();
      for (const lock of locks) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
      const before = await this.findUser(tx, claims);
      const [after] = before
        ? await queryRows<UserRow>(
            tx,
            // Linking only a user no other Hub identity holds: the locks make this hold already, the
            // condition keeps it true whatever else writes hub_user_id.
            `UPDATE users SET hub_user_id = $2, email = $3, name = $4, role = $5, updated_at = now()
             WHERE id = $1 AND (hub_user_id IS NULL OR hub_user_id = $2) RETURNING *`,
            [before.id, claims.sub, claims.email, claims.name, claims.role],
          )
        : await queryRows<UserRow>(
            tx,
            `INSERT INTO users (id, org_id, hub_user_id, email, name, role) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
            [randomUUID(), claims.org_id, claims.sub, claims.email, claims.name, claims.role],
          );
      if (!after) throw new EmailInUse();
      if (before && isInSync(before, claims)) return before;
      const context = { orgId: claims.org_id, correlationId, principal: null, systemReason: 'hub-sign-in' };
      await this.changes.record(tx, context, {
        resourceType: 'user',
        resourceId: after.id,
        action: before ? 'updated' : 'provisioned',
        before: before ? toUserView(before) : null,
        after: toUserView(after),
      });
      return after;
    });
  }
}

/** The user found for the e-mail was linked to another Hub identity meanwhile. */
class EmailInUse extends Error {}

function isInSync(user: UserRow, claims: HubClaims): boolean {
  return (
    user.hub_user_id === claims.sub &&
    user.email === claims.email &&
    user.name === claims.name &&
    user.role === claims.role
  );
}
