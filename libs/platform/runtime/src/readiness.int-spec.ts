import { loadConfig, ServiceConfig } from '@oncall/platform-config';
import {
  createTestDatabase,
  createTestNamespace,
  TEST_NATS_URL,
  TestDatabase,
} from '@oncall/platform-testing';
import { DataSource } from 'typeorm';
import { RunningService, startService } from './create-service';
import { ReadinessCheck } from './runtime-options';

class NoUseCasesModule {}

/** /readyz as each service declares it: PostgreSQL stops only the services that need it. */
describe('Readiness declared per service', () => {
  let database: TestDatabase;
  let namespace: { prefix: string; cleanup(): Promise<void> };
  const running: RunningService[] = [];

  beforeAll(async () => {
    [database, namespace] = await Promise.all([createTestDatabase('ready'), createTestNamespace('ready')]);
  });
  afterAll(async () => {
    for (const service of running) await service.close().catch(() => undefined);
    await Promise.all([database.drop(), namespace.cleanup()]);
  });

  async function start(name: string, readiness?: Record<string, ReadinessCheck>): Promise<RunningService> {
    const config = loadConfig(ServiceConfig, {
      DATABASE_URL: database.url,
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: namespace.prefix,
      LOG_LEVEL: 'silent',
    });
    const service = await startService({
      serviceName: name,
      config,
      schema: name.replace(/-/g, '_'),
      migrations: [],
      streams: [],
      module: NoUseCasesModule,
      ...(readiness ? { readiness } : {}),
    });
    running.push(service);
    return service;
  }

  const readyz = async (service: RunningService) => {
    const response = await fetch(`${service.url}/readyz`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('checks PostgreSQL and NATS for a service with a database, and names the one that is down', async () => {
    const usual = await start('needs-both');
    expect(await readyz(usual)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { postgres: 'up', nats: 'up' } },
    });
    await usual.app.get(DataSource).destroy();
    expect(await readyz(usual)).toEqual({
      status: 503,
      body: { status: 'not-ready', checks: { postgres: 'down', nats: 'up' } },
    });
  });

  it('names a check of its own that fails or hangs', async () => {
    const service = await start('own-checks', {
      'key-cache': () => false,
      slow: () => new Promise<boolean>(() => undefined),
    });
    expect(await readyz(service)).toEqual({
      status: 503,
      body: {
        status: 'not-ready',
        checks: { postgres: 'up', nats: 'up', 'key-cache': 'down', slow: 'down' },
      },
    });
  });
});
