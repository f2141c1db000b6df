import { ConflictException } from '@nestjs/common';
import { isUniqueViolation } from '@oncall/platform-persistence';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a directory write in one transaction (the change, its audit row and its outbox event commit
 * together); a unique constraint refusing the row becomes the resource's own 409.
 */
export async function directoryWrite<T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
  onDuplicate: () => ConflictException,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw onDuplicate();
    throw error;
  }
}
