import { EscalationPolicyView } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { transactionRefusingDuplicates } from '@oncall/platform-persistence';
import { DataSource, EntityManager } from 'typeorm';
import { EscalationPolicyStore } from './escalation-policy.store';
import { policyNotFound } from './policy-requests';
import { toPolicyView } from './policy-row';

/**
 * Runs a policy write in one transaction (the row and its ConfigurationChanged outbox message commit
 * together); the per-organization name index refusing the row becomes DUPLICATE_NAME (409 at the API).
 */
export function policyWrite<T>(
  dataSource: DataSource,
  name: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const duplicateName = () =>
    new RpcError(
      'DUPLICATE_NAME',
      `An escalation policy named "${name}" already exists in your organization (names ignore case).`,
    );
  return transactionRefusingDuplicates(dataSource, work, duplicateName, 'escalation_policies_name_per_org');
}

/**
 * The policy a change applies to, as stored, its row locked until `tx` ends (of two concurrent changes one
 * waits for the other); NOT_FOUND when the organization has no such policy.
 */
export async function lockPolicy(
  store: EscalationPolicyStore,
  tx: EntityManager,
  orgId: string,
  policyId: string,
): Promise<EscalationPolicyView> {
  const current = await store.find(tx, orgId, policyId, { forUpdate: true });
  if (!current) throw policyNotFound(policyId);
  return toPolicyView(current);
}
