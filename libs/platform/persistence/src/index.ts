export { createServiceDataSource, quoteIdentifier, type ServiceDataSourceOptions } from './data-source';
export { openServiceDataSource } from './open-data-source';
export { runMigrations } from './run-migrations';
export { isPermanentDataError, isUniqueViolation, sqlStateOf } from './pg-errors';
export { batchInsert, type BatchColumn } from './batch-insert';
export { queryRows } from './query-rows';
export { transactionRefusingDuplicates } from './transaction-refusing-duplicates';
