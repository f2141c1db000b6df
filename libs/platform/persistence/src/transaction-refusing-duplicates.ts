import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from './pg-errors';

/**
 * Runs a write in one transaction; a unique constraint refusing a row (`constraint`, or any when none is
 * named) is thrown as the caller's refusal instead, e.g. its answer to a name already taken.
 */
export async function transactionRefusingDuplicates<T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
  refusal: () => Error,
  constraint?: string,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw refusal();
    throw error;
  }
}
