import { Inject, Injectable } from '@nestjs/common';
import { ConfirmContactMethodAnswer } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { queryRows } from '@oncall/platform-persistence';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { insertDeliveries } from '../delivery/delivery.store';
import { NotificationConfig, publicUrlOf } from '../notification.config';
import { ContactMethodRow } from './contact-method.store';

/** How long a confirmation link works. */
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export const VERIFICATION_PATH = '/contact-verification';

/**
 * Email contact methods are confirmed by a link sent to the address (the account email needs none: the
 * identity provider proved it). Only the link's SHA-256 is stored with the method; the link itself lives in
 * the queued email until it is sent, then is erased. A new link replaces the previous one.
 */
@Injectable()
export class ContactVerifications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: NotificationConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Issues a link for the method and queues the email carrying it, in the caller's transaction. */
  async send(tx: EntityManager, method: ContactMethodRow, now: Date): Promise<void> {
    const token = randomBytes(24).toString('base64url');
    const hash = hashOf(token);
    await tx.query(
      `UPDATE contact_methods SET verification_hash = $2, verification_expires_at = $3 WHERE id = $1`,
      [method.id, hash, new Date(now.getTime() + VERIFICATION_TTL_MS).toISOString()],
    );
    const confirmUrl = `${publicUrlOf(this.config)}${VERIFICATION_PATH}/${token}`;
    await insertDeliveries(
      tx,
      [
        {
          id: randomUUID(),
          idempotencyKey: `verify:${method.id}:${hash}`,
          orgId: method.org_id,
          userId: method.user_id,
          kind: 'verification',
          channel: 'email',
          contactMethodId: method.id,
          address: method.address,
          requestedAt: now.toISOString(),
          dueAt: now.toISOString(),
          status: 'ready',
          content: { confirmUrl, address: method.address },
        },
      ],
      now,
    );
  }

  /** Confirms the method a link names (once; a second use says it is already confirmed). */
  async confirm(token: string): Promise<ConfirmContactMethodAnswer> {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{32}$/.test(token)) return { status: 'unknown' };
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const [row] = await queryRows<ContactMethodRow & { verification_expires_at: Date }>(
        tx,
        `SELECT id, type, address, verified, verification_expires_at FROM contact_methods
         WHERE verification_hash = $1 FOR UPDATE`,
        [hashOf(token)],
      );
      if (!row) return { status: 'unknown' };
      if (row.verification_expires_at.getTime() <= now.getTime()) return { status: 'expired' };
      // The hash stays until it expires, so opening the link again says "already confirmed".
      if (!row.verified) {
        await tx.query('UPDATE contact_methods SET verified = true, updated_at = $2 WHERE id = $1', [
          row.id,
          now.toISOString(),
        ]);
      }
      return {
        status: row.verified ? 'already-confirmed' : 'confirmed',
        type: row.type,
        address: row.address,
      };
    });
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
