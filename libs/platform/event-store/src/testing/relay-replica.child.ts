/**
 * Child process for the relay replica test: one relay replica polling the outbox of SCHEMA (small batches,
 * so partitions change hands often) until SIGTERM. With CRASH_AFTER it kills itself with SIGKILL right
 * after its CRASH_AFTER-th publish, before that batch is marked sent. Prints `RELAYING` once started and
 * `PUBLISHED <n>` every 25 messages.
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
    applicationName: 'relay-replica-child',
  });
  await dataSource.initialize();
  const bus = await MessageBus.connect({
    url: env.NATS_URL,
    connectionName: 'relay-replica-child',
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    streams: [],
  });
  const crashAfter = env.CRASH_AFTER ? Number(env.CRASH_AFTER) : Infinity;
  let published = 0;
  const relay = new OutboxRelay(dataSource, bus.publisher, createLogger('relay-replica', 'silent'), {
    batchSize: 7,
    pollIntervalMs: 5,
    afterPublish: () => {
      published += 1;
      if (published % 25 === 0) process.stdout.write(`PUBLISHED ${published}\n`);
      if (published >= crashAfter) process.kill(process.pid, 'SIGKILL');
    },
  });
  relay.start();
  process.stdout.write('RELAYING\n');
  process.once('SIGTERM', () => {
    void relay
      .stop()
      .then(() => bus.close())
      .then(() => dataSource.destroy())
      .then(() => process.exit(0));
  });
}

void main();
