import { ConflictException } from '@nestjs/common';
import { transactionRefusingDuplicates } from '@oncall/platform-persistence';
import { DirectoryAction, DirectoryResourceType } from '@oncall/contracts';
import { RequestContext } from '@oncall/platform-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeRecorder } from './change-recorder';
import { conflict } from './directory-errors';

/**
 * Runs a directory write in one transaction (the change, its audit row and its outbox event commit
 * together); a unique constraint refusing the row becomes the resource's own 409.
 */
export function directoryWrite<T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
  onDuplicate: () => ConflictException,
): Promise<T> {
  return transactionRefusingDuplicates(dataSource, work, onDuplicate);
}

/** The writes of a directory resource, as its directory makes them. */
export interface ResourceWrites<TView extends object> {
  /** `directoryWrite`, a unique constraint refusing the row answering the resource's own 409. */
  write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
  /** Records the change in the transaction, if it changes anything; answers `after`, the view to answer. */
  record<TAfter extends TView | null>(
    tx: EntityManager,
    context: RequestContext,
    resourceId: string,
    action: DirectoryAction,
    before: TView | null,
    after: TAfter,
  ): Promise<TAfter>;
}

export function resourceWrites<TView extends object>(
  dataSource: DataSource,
  changes: ChangeRecorder,
  resourceType: DirectoryResourceType,
  onDuplicate: () => ConflictException,
): ResourceWrites<TView> {
  return {
    write: (work) => directoryWrite(dataSource, work, onDuplicate),
    record: async (tx, context, resourceId, action, before, after) => {
      await changes.recordIfChanged(tx, context, { resourceType, resourceId, action, before, after });
      return after;
    },
  };
}

/**
 * The writes of a resource named uniquely in its organization (a client, service or team): a duplicate
 * name answers 409 DUPLICATE_NAME.
 */
export function namedResourceWrites<TView extends object>(
  dataSource: DataSource,
  changes: ChangeRecorder,
  resourceType: 'client' | 'service' | 'team',
): ResourceWrites<TView> {
  return resourceWrites(dataSource, changes, resourceType, () =>
    conflict(`A ${resourceType} with this name already exists in your organization.`, 'DUPLICATE_NAME'),
  );
}
