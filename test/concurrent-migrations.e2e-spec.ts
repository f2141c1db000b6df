import {
  createTestDatabase,
  REPO_ROOT,
  TestDatabase,
  TEST_NATS_URL,
  waitFor,
} from '@oncall/platform-testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { ALL_SERVICES, SERVICE_CATALOGUE } from './support/service-catalogue';

const PROCESSES = 4;

interface Migrator {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/**
 * A rollout on an empty database: several replicas of every service start at the same moment, each
 * initialising its data source and migrating its schema as the service does at start-up.
 */
describe('Migrations started by several processes at the same moment', () => {
  let database: TestDatabase;
  const migrators: Migrator[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('migrations');
  });
  afterAll(async () => {
    for (const { child } of migrators) if (child.exitCode === null) child.kill('SIGKILL');
    await database.drop();
  });

  it(`${PROCESSES} processes × every service: no error, each migration applied once`, async () => {
    for (let i = 0; i < PROCESSES; i++) migrators.push(startMigrator(database.url));
    await waitFor('every process loaded', () => migrators.every((m) => m.lines.includes('READY')), { timeoutMs: 90_000 }); // prettier-ignore
    for (const { child } of migrators) child.stdin!.write('go\n');
    const codes = await Promise.all(migrators.map((m) => m.exited));
    expect(migrators.flatMap((m) => m.lines.filter((line) => line.startsWith('ERROR')))).toEqual([]);
    expect(codes).toEqual(migrators.map(() => 0));

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const name of ALL_SERVICES) {
        const definition = SERVICE_CATALOGUE[name]({ DATABASE_URL: database.url, NATS_URL: TEST_NATS_URL });
        if (definition.database === false) continue;
        const expected = (definition.migrations as { name: string }[])
          .map((migration) => migration.name)
          .sort();
        const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${definition.schema}.migrations ORDER BY name`); // prettier-ignore
        expect({ schema: definition.schema, names: rows.map((row) => row.name) }).toEqual({ schema: definition.schema, names: expected }); // prettier-ignore
        // Applied by exactly one of the processes; the others found nothing to do.
        const applied = migrators.map((m) => appliedCount(m.lines, definition.schema));
        expect(applied.filter((n) => n > 0)).toEqual([expected.length]);
      }
    } finally {
      await client.end();
    }
  }, 180_000);
});

function startMigrator(databaseUrl: string): Migrator {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'scripts/run-ts.js'), 'test/support/migrate-all.child.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        NATS_URL: TEST_NATS_URL,
        LOG_LEVEL: 'silent',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  child.stdout!.on('data', (data: Buffer) => lines.push(...data.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

function appliedCount(lines: string[], schema: string): number {
  const line = lines.find((entry) => entry.startsWith(`APPLIED ${schema} `));
  return line ? Number(line.split(' ')[2]) : -1;
}
