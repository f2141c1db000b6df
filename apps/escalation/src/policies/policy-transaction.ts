import { RpcError } from '@oncall/platform-messaging';
import { isUniqueViolation } from '@oncall/platform-persistence';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a policy write in one transaction (the row and its ConfigurationChanged outbox message commit
 * together); the per-organization name index refusing the row becomes DUPLICATE_NAME (409 at the API).
 */
export async function policyWrite<T>(
  dataSource: DataSource,
  name: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'escalation_policies_name_per_org')) {
      throw new RpcError(
        'DUPLICATE_NAME',
        `An escalation policy named "${name}" already exists in your organization (names ignore case).`,
      );
    }
    throw error;
  }
}
