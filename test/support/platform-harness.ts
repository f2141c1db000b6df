import { loadOrCreateDevSigningKey, Role, signDevToken } from '@oncall/platform-auth';
import { MessageBus } from '@oncall/platform-messaging';
import { createServiceDataSource } from '@oncall/platform-persistence';
import { RunningService, startService } from '@oncall/platform-runtime';
import {
  createTestDatabase,
  createTestNamespace,
  freePort,
  type ServiceProcess,
  spawnService,
  TestDatabase,
  waitFor,
} from '@oncall/platform-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ADMIN_API_MIGRATIONS, ADMIN_API_SCHEMA } from '../../apps/admin-api/src/admin-api.service';
import { DemoOrganization, seedDemoOrganization } from '../../apps/admin-api/src/seed/seed-demo';
import { IntegrationDirectory } from '../../apps/ingestion-gateway/src/integration-keys/integration-directory';
import { hashIntegrationKey } from '../../apps/ingestion-gateway/src/integration-keys/integration-key';
import { SERVICE_CATALOGUE, ServiceName } from './service-catalogue';

/**
 * The platform, in-process, on a database and NATS namespace of its own: start and stop services
 * individually, seed the demo organization, sign tokens, and talk HTTP to the gateway and the API.
 */
export class PlatformHarness {
  private readonly running = new Map<ServiceName, RunningService>();
  private overrides: NodeJS.ProcessEnv = {};
  private readonly keyDir = mkdtempSync(join(tmpdir(), 'oncall-keys-'));

  private constructor(
    readonly database: TestDatabase,
    private readonly namespace: { prefix: string; cleanup(): Promise<void> },
  ) {}

  static async create(label: string): Promise<PlatformHarness> {
    const [database, namespace] = await Promise.all([createTestDatabase(label), createTestNamespace(label)]);
    return new PlatformHarness(database, namespace);
  }

  get env(): NodeJS.ProcessEnv {
    return {
      DATABASE_URL: this.database.url,
      NATS_URL: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
      NATS_SUBJECT_PREFIX: this.namespace.prefix,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      DEV_SIGNING_KEY_FILE: join(this.keyDir, 'dev-signing-key.json'),
      ...this.overrides,
    };
  }

  /** Extra environment for the services started from now on (Hub settings, service keys, ...). */
  configure(overrides: NodeJS.ProcessEnv): this {
    this.overrides = { ...this.overrides, ...overrides };
    return this;
  }

  async start(...names: ServiceName[]): Promise<void> {
    // admin-api first when present: others may ask the directory as soon as they start.
    const ordered = [...names].sort((a, b) => Number(b === 'admin-api') - Number(a === 'admin-api'));
    for (const name of ordered) {
      if (this.running.has(name)) continue;
      const service = await startService(SERVICE_CATALOGUE[name](this.env));
      this.running.set(name, service);
      await untilReady(name, service);
    }
  }

  /** Another instance of a running service, as a second replica would be (closed by the caller). */
  async startReplica(name: ServiceName, overrides: NodeJS.ProcessEnv = {}): Promise<RunningService> {
    const service = await startService(SERVICE_CATALOGUE[name]({ ...this.env, ...overrides }));
    await untilReady(name, service);
    return service;
  }

  /**
   * `name` as a process of its own on this platform's settings (`overrides` added), on a free port: a service
   * a test kills and starts again. Stopped by the caller.
   */
  async spawn(name: ServiceName, overrides: NodeJS.ProcessEnv = {}): Promise<ServiceProcess> {
    return spawnService(name, {
      env: { ...this.env, ...overrides },
      port: await freePort(),
      readyTimeoutMs: 60_000,
    });
  }

  /** A bus client in the platform's namespace, to send requests as another service would (closed by the caller). */
  connectBus(): Promise<MessageBus> {
    return MessageBus.connect({
      url: this.env.NATS_URL!,
      connectionName: 'test-harness',
      subjectPrefix: this.env.NATS_SUBJECT_PREFIX,
      streams: [],
    });
  }

  async stop(name: ServiceName): Promise<void> {
    await this.running.get(name)?.close();
    this.running.delete(name);
  }

  isRunning(name: ServiceName): boolean {
    return this.running.has(name);
  }

  service(name: ServiceName): RunningService {
    const running = this.running.get(name);
    if (!running) throw new Error(`${name} is not running`);
    return running;
  }

  url(name: ServiceName): string {
    return this.service(name).url;
  }

  /**
   * Seeds the demo organization straight into admin-api's schema (admin-api must have migrated it); with
   * the gateway running, returns once the gateway's copy of the keys has the demo key.
   */
  async seedDemo(): Promise<DemoOrganization> {
    const demo = await this.withSchema(ADMIN_API_SCHEMA, (dataSource) =>
      seedDemoOrganization(dataSource, undefined, new Date()),
    );
    if (this.running.has('ingestion-gateway')) await this.untilGatewayKnows(demo.integrationKey);
    return demo;
  }

  /** Waits until the running gateway's local copy has `integrationKey` live (or, with `live: false`, not). */
  untilGatewayKnows(integrationKey: string, live = true): Promise<void> {
    const keyHash = hashIntegrationKey(integrationKey);
    return this.untilGatewaySees(`the key ${live ? 'live' : 'gone'}`, (directory) =>
      live ? directory.liveByKeyHash(keyHash) !== undefined : directory.liveByKeyHash(keyHash) === undefined,
    );
  }

  /** Waits until the running gateway's local copy of the integrations satisfies `check`. */
  async untilGatewaySees(what: string, check: (directory: IntegrationDirectory) => boolean): Promise<void> {
    const directory = this.service('ingestion-gateway').app.get(IntegrationDirectory);
    await waitFor(`the gateway to see ${what}`, () => check(directory));
  }

  /** A development token for Hub user `hubUserId` (provisioned just in time on first use). */
  token(
    orgId: string,
    role: Role,
    hubUserId = `${orgId}-${role}`,
    email = `${hubUserId}@example.test`,
  ): string {
    const key = loadOrCreateDevSigningKey(this.env.DEV_SIGNING_KEY_FILE!);
    return signDevToken(key, { sub: hubUserId, org_id: orgId, email, name: hubUserId, role });
  }

  postAlert(integrationKey: string, body: unknown, type = 'generic'): Promise<Response> {
    return fetch(`${this.url('ingestion-gateway')}/v1/alerts/${type}/${integrationKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.url('admin-api')}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  }

  /** Runs work against one service's schema (for assertions on what it stored). */
  async withSchema<T>(schema: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = createServiceDataSource({
      url: this.database.url,
      schema,
      migrations: schema === ADMIN_API_SCHEMA ? ADMIN_API_MIGRATIONS : [],
      applicationName: 'test-harness',
      poolSize: 2,
    });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  async close(): Promise<void> {
    for (const name of [...this.running.keys()].reverse()) await this.stop(name);
    await Promise.all([this.database.drop(), this.namespace.cleanup()]);
    rmSync(this.keyDir, { recursive: true, force: true });
  }
}

/** As an orchestrator would: traffic only once /readyz says so (the gateway loads its keys after listening). */
async function untilReady(name: ServiceName, service: RunningService): Promise<void> {
  await waitFor(`${name} to be ready`, async () => (await fetch(`${service.url}/readyz`)).ok, {
    timeoutMs: 20_000,
    intervalMs: 20,
  });
}
