/**
 * Child process of the relay tests: relays the outbox of SCHEMA in batches of BATCH_SIZE (default 7, small,
 * so partitions change hands often). With UNTIL_DRAINED it relays what is pending and exits; otherwise it
 * polls until SIGTERM, printing `RELAYING` once started and `PUBLISHED <n>` every 25 messages. With
 * CRASH_AFTER it kills itself with SIGKILL right after its CRASH_AFTER-th publish, before that batch is
 * marked sent.
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
    applicationName: 'relay-child',
  });
  await dataSource.initialize();
  const bus = await MessageBus.connect({
    url: env.NATS_URL,
    connectionName: 'relay-child',
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    streams: [],
  });
  const crashAfter = env.CRASH_AFTER ? Number(env.CRASH_AFTER) : Infinity;
  let published = 0;
  const relay = new OutboxRelay(dataSource, bus.publisher, createLogger('relay-child', 'silent'), {
    batchSize: env.BATCH_SIZE ? Number(env.BATCH_SIZE) : 7,
    pollIntervalMs: 5,
    afterPublish: () => {
      published += 1;
      if (!env.UNTIL_DRAINED && published % 25 === 0) process.stdout.write(`PUBLISHED ${published}\n`);
      if (published >= crashAfter) process.kill(process.pid, 'SIGKILL');
    },
  });
  if (env.UNTIL_DRAINED) {
    await relay.relayPending();
    await bus.close();
    await dataSource.destroy();
    return;
  }
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
