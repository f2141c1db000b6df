import {
  createTestDatabase,
  createTestNamespace,
  freePort,
  REPO_ROOT,
  spawnService,
  TestDatabase,
  TEST_NATS_URL,
} from '@oncall/platform-testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PLATFORM_SERVICES } from '../scripts/platform-services';

const SERVICES = PLATFORM_SERVICES.map((service) => service.name);
/** Every service but the gateway owns a PostgreSQL schema (ADR 0131). */
const WITH_DATABASE = SERVICES.filter((name) => name !== 'ingestion-gateway');

function runToExit(
  service: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'scripts/run-ts.js'), `apps/${service}/src/main.ts`],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('Every service as its own process', () => {
  let database: TestDatabase;
  let namespace: { prefix: string; cleanup(): Promise<void> };
  beforeAll(async () => {
    [database, namespace] = await Promise.all([
      createTestDatabase('processes'),
      createTestNamespace('processes'),
    ]);
  });
  afterAll(() => Promise.all([database.drop(), namespace.cleanup()]));

  it('starts, answers /healthz and /readyz, and exits 0 on SIGTERM', async () => {
    const env = {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: namespace.prefix,
      LOG_LEVEL: 'warn',
      DEV_SIGNING_KEY_FILE: join(REPO_ROOT, 'tmp', `${namespace.prefix}-signing-key.json`),
    };
    const started = [];
    for (const name of SERVICES)
      started.push(await spawnService(name, { env, port: await freePort(), readyTimeoutMs: 60_000 }));
    for (const service of started) {
      const health = await fetch(`${service.url}/healthz`);
      expect([service.name, health.status, await health.json()]).toEqual([
        service.name,
        200,
        { status: 'ok', service: service.name },
      ]);
      const ready = await fetch(`${service.url}/readyz`);
      expect([service.name, ready.status]).toEqual([service.name, 200]);
    }
    const exitCodes = await Promise.all(
      started.map(async (service) => [service.name, await service.stop('SIGTERM')]),
    );
    expect(exitCodes).toEqual(SERVICES.map((name) => [name, 0]));
  }, 180_000);

  it.each(WITH_DATABASE)(
    '%s refuses to start without DATABASE_URL, naming it in one line',
    async (service) => {
      const { code, stderr } = await runToExit(service, { NATS_URL: TEST_NATS_URL });
      expect(code).not.toBe(0);
      expect(stderr.trim().split('\n')).toEqual(['Invalid configuration: DATABASE_URL is not set']);
    },
    30_000,
  );

  it('starts the ingestion gateway without any DATABASE_URL: ready means NATS and its copy of the keys', async () => {
    const gateway = await spawnService('ingestion-gateway', {
      env: {
        PATH: process.env.PATH,
        NATS_URL: TEST_NATS_URL,
        NATS_SUBJECT_PREFIX: namespace.prefix,
        LOG_LEVEL: 'warn',
      },
      port: await freePort(),
    });
    try {
      const ready = await fetch(`${gateway.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([
        200,
        { status: 'ready', checks: { nats: 'up', integrationKeys: 'up' } },
      ]);
    } finally {
      expect(await gateway.stop('SIGTERM')).toBe(0);
    }
  }, 60_000);

  it('refuses an invalid DATABASE_URL, naming it in one line', async () => {
    const { code, stderr } = await runToExit('incident-state', {
      DATABASE_URL: 'mysql://db/oncall',
      NATS_URL: TEST_NATS_URL,
    });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'Invalid configuration: DATABASE_URL is invalid: must be a postgres:// URL with a database name',
    ]);
  }, 30_000);

  it('exits non-zero with one line when the database cannot be reached', async () => {
    const { code, stderr } = await runToExit('incident-state', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/oncall',
      NATS_URL: TEST_NATS_URL,
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Failed to start: .*ECONNREFUSED/);
  }, 30_000);
});
