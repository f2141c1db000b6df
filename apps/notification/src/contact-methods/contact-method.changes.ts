import { UpdateContactMethodRequest } from '@oncall/contracts';
import { checkContactAddress, ContactAddressOptions } from '@oncall/notification-domain';
import { RpcError } from '@oncall/platform-messaging';
import { isUniqueViolation, queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';
import { notFound, validationRefusal } from '../shared/refusals';
import { ContactMethodRow, loadMethodRow } from './contact-method.store';

export interface ChangedContactMethod {
  row: ContactMethodRow;
  /** A new email address needs confirming again (a new Slack URL is a new secret: verified as saved). */
  needsVerification: boolean;
}

/**
 * Changes a method's address or enabled flag. The account email follows the directory: its address cannot
 * be changed here (it can be disabled, as long as the rules have another way to reach the person).
 */
export async function changeContactMethod(
  tx: EntityManager,
  orgId: string,
  request: UpdateContactMethodRequest,
  options: ContactAddressOptions,
  now: Date,
): Promise<ChangedContactMethod> {
  const { userId, contactMethodId, address, enabled } = request;
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    throw validationRefusal([{ path: 'enabled', message: 'must be true or false' }]);
  }
  const row = await loadMethodRow(tx, orgId, userId, contactMethodId, true);
  if (!row) throw notFound(`Contact method ${contactMethodId}`);
  let nextAddress = row.address;
  if (address !== undefined) {
    const checked = checkContactAddress(row.type, String(address), options);
    if (!checked.ok) throw validationRefusal([{ path: 'address', message: checked.problem }]);
    nextAddress = checked.address;
  }
  const moved = nextAddress !== row.address;
  if (moved && row.account_email) {
    throw new RpcError(
      'CONFLICT',
      'The account email follows the sign-in address; add another email contact method instead.',
    );
  }
  const verified = moved ? row.type === 'slack' : row.verified;
  const [updated] = await queryRows<ContactMethodRow>(
    tx,
    `UPDATE contact_methods SET address = $4, enabled = $5, verified = $6, updated_at = $7,
       verification_hash = CASE WHEN $8::boolean THEN NULL ELSE verification_hash END
     WHERE org_id = $1 AND user_id = $2 AND id = $3
     RETURNING id, org_id, user_id, type, address, verified, enabled, account_email, created_at`,
    [orgId, userId, row.id, nextAddress, enabled ?? row.enabled, verified, now, moved],
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new RpcError('CONFLICT', `This person already has the ${row.type} ${nextAddress}.`);
    }
    throw error;
  });
  return { row: updated, needsVerification: moved && row.type === 'email' };
}

/** Removes a method no rule step uses; the account email stays (it can be disabled). */
export async function removeContactMethod(
  tx: EntityManager,
  orgId: string,
  userId: string,
  contactMethodId: string,
): Promise<void> {
  const row = await loadMethodRow(tx, orgId, userId, contactMethodId, true);
  if (!row) throw notFound(`Contact method ${contactMethodId}`);
  if (row.account_email) {
    throw new RpcError('CONFLICT', 'The account email cannot be deleted; disable it instead.');
  }
  const [rules] = await queryRows<{
    high: { contactMethodId: string }[];
    low: { contactMethodId: string }[];
  }>(tx, 'SELECT high, low FROM notification_rules WHERE org_id = $1 AND user_id = $2 FOR UPDATE', [
    orgId,
    userId,
  ]);
  const usedBy = (['high', 'low'] as const).flatMap((urgency) =>
    (rules?.[urgency] ?? []).flatMap((step, index) =>
      step.contactMethodId === row.id ? [`${urgency}[${index}]`] : [],
    ),
  );
  if (usedBy.length > 0) {
    throw new RpcError(
      'CONFLICT',
      `This contact method is used by the notification rules (${usedBy.join(', ')}); change the rules first.`,
    );
  }
  await tx.query('DELETE FROM contact_methods WHERE org_id = $1 AND user_id = $2 AND id = $3', [
    orgId,
    userId,
    row.id,
  ]);
}
