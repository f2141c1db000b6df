/**
 * Child process for the relay crash test: relays the outbox of SCHEMA and kills itself with SIGKILL right
 * after the CRASH_AFTER-th publish, before the batch is marked sent; without CRASH_AFTER it relays all and exits.
 */
import { MessageBus } from '@oncall/platform-messaging';
import { createLogger } from '@oncall/platform-observability';
import { createServiceDataSource } from '@oncall/platform-persistence';
import { OutboxRelay } from '@oncall/platform-outbox';

async function main(): Promise<void> {
  const env = process.env as Record<string, string>;
  const dataSource = createServiceDataSource({
    url: env.DATABASE_URL,
    schema: env.SCHEMA,
    migrations: [],
    applicationName: 'relay-crash-child',
  });
  await dataSource.initialize();
  const bus = await MessageBus.connect({
    url: env.NATS_URL,
    connectionName: 'relay-crash-child',
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    streams: [],
  });
  const crashAfter = env.CRASH_AFTER ? Number(env.CRASH_AFTER) : Infinity;
  let published = 0;
  const relay = new OutboxRelay(dataSource, bus.publisher, createLogger('relay-child', 'silent'), {
    batchSize: 1_000,
    afterPublish: () => {
      published += 1;
      if (published >= crashAfter) process.kill(process.pid, 'SIGKILL');
    },
  });
  await relay.relayPending();
  await bus.close();
  await dataSource.destroy();
}

void main();
