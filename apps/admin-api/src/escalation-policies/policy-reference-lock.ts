import { EntityManager } from 'typeorm';

/**
 * Serializes, per policy, "a service starts using it" and "it is deleted": both take this lock in their
 * transaction, the service write before asking escalation whether the policy exists, the delete before
 * looking for services using it. Whichever comes second sees the other's outcome, so a deleted policy is
 * never left referenced by a service.
 */
export async function lockPolicyReferences(tx: EntityManager, policyId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('escalation-policy-references'), hashtext($1))", [
    policyId.toLowerCase(),
  ]);
}
