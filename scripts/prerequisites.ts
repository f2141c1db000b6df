/**
 * What `npm start` and `npm test` need from the machine, checked in a few seconds before anything starts:
 * PostgreSQL, NATS with JetStream, and (for the browser tests) Debian's Chromium. With `provide`, starts or
 * installs what a Debian machine with the packages can (as `.ci/run` does); then answers one line per
 * piece still missing, each naming the command that provides it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'nats';
import { Client } from 'pg';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface PrerequisiteOptions {
  databaseUrl: string;
  natsUrl: string;
  chromium: boolean;
  provide: boolean;
}

export async function missingPrerequisites(options: PrerequisiteOptions): Promise<string[]> {
  const missing: string[] = [];
  const postgres = await withRetry(options.provide ? startPostgres : undefined, () => postgresProblem(options.databaseUrl)); // prettier-ignore
  if (postgres) missing.push(postgres);
  const nats = await withRetry(options.provide ? startNats : undefined, () => natsProblem(options.natsUrl));
  if (nats) missing.push(nats);
  if (options.chromium && !existsSync(CHROMIUM_PATH)) {
    if (options.provide) provideChromium();
    if (!existsSync(CHROMIUM_PATH))
      missing.push(`Chromium is missing at ${CHROMIUM_PATH} (browser tests): sudo apt-get install chromium`);
  }
  return missing;
}

async function withRetry(provide: (() => void) | undefined, problem: () => Promise<string | undefined>) {
  const first = await problem();
  if (!first || !provide) return first;
  provide();
  for (let attempt = 0; attempt < 25; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (!(await problem())) return undefined;
  }
  return problem();
}

async function postgresProblem(databaseUrl: string): Promise<string | undefined> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return (
      `PostgreSQL is not reachable at ${url.host} (${reason(error)}): ` +
      '`docker compose up -d postgres`, or `sudo apt-get install postgresql`, or set DATABASE_URL'
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function natsProblem(natsUrl: string): Promise<string | undefined> {
  try {
    const connection = await connect({ servers: natsUrl, timeout: 2_000, reconnect: false });
    try {
      const manager = await connection.jetstreamManager({ timeout: 2_000 });
      await manager.getAccountInfo();
      return undefined;
    } catch (error) {
      return `NATS at ${natsUrl} has no JetStream (${reason(error)}): run nats-server with -js`;
    } finally {
      await connection.close();
    }
  } catch (error) {
    return (
      `NATS is not reachable at ${natsUrl} (${reason(error)}): ` +
      '`docker compose up -d nats`, or `sudo apt-get install nats-server` and run it with -js, or set NATS_URL'
    );
  }
}

function startPostgres(): void {
  if (!existsSync('/etc/postgresql')) return;
  for (const version of readdirSync('/etc/postgresql'))
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
}

function startNats(): void {
  if (!existsSync('/usr/sbin/nats-server')) return;
  spawnSync(
    'start-stop-daemon',
    ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/nats-server', '--', '-a', '127.0.0.1', '-p', '4222', '-js', '-sd', '/var/lib/nats-server', '-l', '/var/log/nats-server.log'], // prettier-ignore
    { stdio: 'ignore' },
  );
}

function provideChromium(): void {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  console.log('Installing Chromium for the browser tests (apt-get install chromium) ...');
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore' });
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
