import { randomBytes } from 'node:crypto';
import { connect } from 'nats';

export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** A subject prefix of its own for one test file; `cleanup` deletes the streams created under it. */
export function createTestNamespace(label = 't'): { prefix: string; cleanup(): Promise<void> } {
  const prefix = `${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 12)}${randomBytes(4).toString('hex')}`;
  return { prefix, cleanup: () => deleteStreamsWithPrefix(prefix) };
}

async function deleteStreamsWithPrefix(prefix: string): Promise<void> {
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(`${prefix}_`)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
