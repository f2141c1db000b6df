export { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from './test-database';
export { createTestNamespace, TEST_NATS_URL } from './test-namespace';
export { waitFor } from './wait-for';
export { spawnService, REPO_ROOT, type ServiceProcess, type SpawnServiceOptions } from './service-process';
export { freePort } from './free-port';
export { stageForAll, type Closable } from './stage-for-all';
export {
  connectedTestDatabase,
  migratedTestDatabase,
  type ConnectedTestDatabase,
  type MigratedTestDatabase,
} from './migrated-test-database';
