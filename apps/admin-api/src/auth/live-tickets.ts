import { Injectable } from '@nestjs/common';
import { Principal, Role } from '@oncall/platform-auth';
import { queryRows } from '@oncall/platform-persistence';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { refuseIfDeactivated } from './account-deactivated';

/** How long a ticket may wait to be used (never longer than the token it was issued for). */
export const LIVE_TICKET_TTL_SECONDS = 60;

/** 32 random bytes, base64url: 43 characters. */
const TICKET_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedLiveTicket {
  ticket: string;
  /** ISO 8601: the ticket is refused from then on. */
  expiresAt: string;
}

/**
 * Tickets for the live stream. A browser's EventSource cannot send an Authorization header, and a token in
 * a URL ends up in logs, proxies and browser history. So the browser trades its token (in a header) for a
 * ticket: 256 random bits, good for one connection within a minute, bound to the organization and the user
 * it was issued to. Only its SHA-256 is stored; using it deletes it.
 */
@Injectable()
export class LiveTickets {
  constructor(private readonly dataSource: DataSource) {}

  async issue(principal: Principal): Promise<IssuedLiveTicket> {
    const ticket = randomBytes(32).toString('base64url');
    // Tickets nobody used are dropped here; the expiry index keeps it cheap.
    await this.dataSource.query('DELETE FROM live_tickets WHERE expires_at < now()');
    // eslint-disable-next-line no-restricted-syntax -- credential expiry is wall time (token exp, PostgreSQL now())
    const tokenExpiresAt = principal.expiresAt ?? Math.floor(Date.now() / 1000) + LIVE_TICKET_TTL_SECONDS;
    const [row] = await queryRows<{ expires_at: Date }>(
      this.dataSource,
      `INSERT INTO live_tickets (ticket_hash, org_id, user_id, token_expires_at, expires_at)
       VALUES ($1, $2, $3, to_timestamp($4), LEAST(now() + make_interval(secs => $5), to_timestamp($4)))
       RETURNING expires_at`,
      [hashOf(ticket), principal.orgId, principal.userId, tokenExpiresAt, LIVE_TICKET_TTL_SECONDS],
    );
    return { ticket, expiresAt: new Date(row.expires_at).toISOString() };
  }

  /**
   * The principal a ticket was issued to, or null when it is unknown, used already or expired. The ticket
   * is consumed in the same statement that reads it, so two connections can never share one.
   */
  async redeem(ticket: string): Promise<Principal | null> {
    if (!TICKET_FORMAT.test(ticket)) return null;
    const [row] = await queryRows<RedeemedTicket>(
      this.dataSource,
      `WITH used AS (
         DELETE FROM live_tickets WHERE ticket_hash = $1
         RETURNING org_id, user_id, token_expires_at, expires_at > now() AS fresh
       )
       SELECT used.org_id, used.user_id, used.fresh, extract(epoch FROM used.token_expires_at)::float8 AS token_exp,
              u.hub_user_id, u.email, u.name, u.role, u.active
       FROM used JOIN users u ON u.org_id = used.org_id AND u.id = used.user_id`,
      [hashOf(ticket)],
    );
    if (!row || !row.fresh || row.hub_user_id === null) return null;
    refuseIfDeactivated(row);
    return {
      orgId: row.org_id,
      userId: row.user_id,
      hubUserId: row.hub_user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      expiresAt: Math.floor(row.token_exp),
    };
  }
}

interface RedeemedTicket {
  org_id: string;
  user_id: string;
  fresh: boolean;
  token_exp: number;
  hub_user_id: string | null;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

function hashOf(ticket: string): string {
  return createHash('sha256').update(ticket).digest('hex');
}
