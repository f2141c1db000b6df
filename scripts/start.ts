/**
 * `npm start`: one command for the whole platform on this machine. Creates the database if needed, starts
 * every service (each migrates its own schema), seeds the demo organization, and prints how to use it.
 * Ctrl-C stops every service gracefully.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadOrCreateDevSigningKey, signDevToken } from '@oncall/platform-auth';
import { createServiceDataSource } from '@oncall/platform-persistence';
import { REPO_ROOT, ServiceProcess, spawnService } from '@oncall/platform-testing';
import { ADMIN_API_MIGRATIONS, ADMIN_API_SCHEMA } from '../apps/admin-api/src/admin-api.service';
import { adminSpaBuildIsStale, buildAdminSpa, SPA_DIST_DIR } from '../apps/admin-spa/spa-build';
import { DEMO_USERS, seedDemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { seedDemoOnCall } from './demo-on-call';
import { DEFAULT_DATABASE_URL, DEFAULT_NATS_URL, PLATFORM_SERVICES } from './platform-services';
import { missingPrerequisites } from './prerequisites';

const STATE_DIR = join(REPO_ROOT, '.oncall');
const LOG_DIR = join(STATE_DIR, 'logs');
const DEMO_KEY_FILE = join(STATE_DIR, 'demo-integration-key');
const SIGNING_KEY_FILE = join(STATE_DIR, 'dev-signing-key.json');
// PLATFORM_SERVICES lists admin-api first and the ingestion gateway second.
const ADMIN_URL = `http://127.0.0.1:${PLATFORM_SERVICES[0].port}`;
const GATEWAY_URL = `http://127.0.0.1:${PLATFORM_SERVICES[1].port}`;

async function main(): Promise<void> {
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    NATS_URL: process.env.NATS_URL || DEFAULT_NATS_URL,
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    DEV_SIGNING_KEY_FILE: SIGNING_KEY_FILE,
    SPA_DIST_DIR: process.env.SPA_DIST_DIR || SPA_DIST_DIR,
    // The links admin-api hands out: the admin on :3000, alerts to the ingestion gateway on :3001.
    PUBLIC_URL: process.env.PUBLIC_URL || ADMIN_URL,
    PUBLIC_ALERTS_URL: process.env.PUBLIC_ALERTS_URL || GATEWAY_URL,
  };
  const missing = await missingPrerequisites({
    databaseUrl: env.DATABASE_URL,
    natsUrl: env.NATS_URL,
    chromium: false,
    provide: false,
  });
  if (missing.length > 0) {
    console.error(`npm start needs:\n${missing.map((line) => `  - ${line}`).join('\n')}`);
    process.exit(1);
  }
  mkdirSync(LOG_DIR, { recursive: true });
  if (!process.env.SPA_DIST_DIR && adminSpaBuildIsStale()) {
    console.log('Building the admin SPA (apps/admin-spa/dist) ...');
    await buildAdminSpa();
  }
  await ensureDatabaseExists(env.DATABASE_URL);
  const running: ServiceProcess[] = [];
  const stopAll = installStopHandlers(running);
  try {
    console.log(`Starting ${PLATFORM_SERVICES.length} services (logs in .oncall/logs/) ...`);
    const [adminApi, ...others] = PLATFORM_SERVICES;
    running.push(await start(adminApi, env));
    const started = await Promise.allSettled(others.map((service) => start(service, env)));
    for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    const demo = await seedDemo(env.DATABASE_URL);
    await seedDemoOnCall('http://127.0.0.1:3000', managerToken(demo.orgId));
    printWelcome(demo.integrationKey, demo.orgId);
  } catch (error) {
    // Leave nothing running behind a failed start.
    await stopAll();
    throw error;
  }
}

function start(service: (typeof PLATFORM_SERVICES)[number], env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  return spawnService(service.name, {
    env,
    port: service.port,
    logFile: join(LOG_DIR, `${service.name}.log`),
  });
}

async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function seedDemo(databaseUrl: string) {
  const dataSource = createServiceDataSource({
    url: databaseUrl,
    schema: ADMIN_API_SCHEMA,
    migrations: ADMIN_API_MIGRATIONS,
    applicationName: 'oncall-seed',
  });
  await dataSource.initialize();
  try {
    const knownKey = existsSync(DEMO_KEY_FILE) ? readFileSync(DEMO_KEY_FILE, 'utf8').trim() : undefined;
    const demo = await seedDemoOrganization(dataSource, knownKey, new Date());
    writeFileSync(DEMO_KEY_FILE, demo.integrationKey, { mode: 0o600 });
    return demo;
  } finally {
    await dataSource.destroy();
  }
}

function managerToken(orgId: string): string {
  const manager = DEMO_USERS[0];
  return signDevToken(loadOrCreateDevSigningKey(SIGNING_KEY_FILE), {
    sub: manager.hubUserId,
    org_id: orgId,
    email: manager.email,
    name: manager.name,
    role: manager.role,
  });
}

function printWelcome(integrationKey: string, orgId: string): void {
  const manager = DEMO_USERS[0];
  const token = managerToken(orgId);
  const alertUrl = `${GATEWAY_URL}/v1/alerts/generic/${integrationKey}`;
  const alert = JSON.stringify({
    summary: 'Disk C: 95% full on FS01',
    severity: 'critical',
    source: 'rmm-demo',
    dedupKey: 'fs01-disk-c',
  });
  console.log(`
On-Call is running with the demo organization "${orgId}".

  Admin:                 http://127.0.0.1:3000/   (sign in by pasting the token below)
  API:                   http://127.0.0.1:3000/api/v1
  Demo integration key:  ${integrationKey}

Post an alert:
  curl -sS -X POST ${alertUrl} -H 'Content-Type: application/json' -d '${alert}'

Token of ${manager.name} (manager, valid 12 h; technicians: npm run token -- --user demo-tech-1 --role technician):
  ${token}

List incidents with it:
  curl -sS http://127.0.0.1:3000/api/v1/incidents -H 'Authorization: Bearer ${token}'

${mailLine()}

Press Ctrl-C to stop.`);
}

/** Where the emails go: SMTP_URL when set, else the development mailbox of the notification service. */
function mailLine(): string {
  if (process.env.SMTP_URL) return 'Emails (pages, digests, coverage gaps) are sent through SMTP_URL.';
  const notification = PLATFORM_SERVICES.find((service) => service.name === 'notification');
  return (
    'Emails are caught by the development mailbox (SMTP_URL is not set): nothing leaves this machine.\n' +
    `  Read them at http://127.0.0.1:${notification?.port}/dev/mail  (files in .oncall/mail/)`
  );
}

/** Ctrl-C (or SIGTERM) stops every service gracefully; the returned function stops them without exiting. */
function installStopHandlers(running: ServiceProcess[]): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      console.log('\nStopping services ...');
      await Promise.all(running.map((service) => service.stop('SIGTERM')));
      console.log('Stopped.');
    })());
  const stopAndExit = () => void stopAll().then(() => process.exit(0));
  process.on('SIGINT', stopAndExit);
  process.on('SIGTERM', stopAndExit);
  return stopAll;
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
