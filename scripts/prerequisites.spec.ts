import { missingPrerequisites } from './prerequisites';

describe('prerequisites of npm start and npm test', () => {
  it('names each unreachable dependency in one line with the command that provides it, within seconds', async () => {
    const started = Date.now();
    const missing = await missingPrerequisites({
      databaseUrl: 'postgres://postgres@127.0.0.1:5999/oncall',
      natsUrl: 'nats://127.0.0.1:4999',
      chromium: false,
      provide: false,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(missing).toHaveLength(2);
    expect(missing[0]).toMatch(
      /^PostgreSQL is not reachable at 127\.0\.0\.1:5999 .*docker compose up -d postgres/,
    );
    expect(missing[1]).toMatch(
      /^NATS is not reachable at nats:\/\/127\.0\.0\.1:4999 .*docker compose up -d nats/,
    );
  });

  it('finds nothing missing on a machine with PostgreSQL and NATS JetStream running', async () => {
    const missing = await missingPrerequisites({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      natsUrl: 'nats://127.0.0.1:4222',
      chromium: false,
      provide: false,
    });
    expect(missing).toEqual([]);
  });
});
