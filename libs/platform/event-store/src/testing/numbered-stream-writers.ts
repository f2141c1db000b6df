import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';

/**
 * Appends `versions` events of `type` to each of the streams `stream-0` … `stream-{streams - 1}`, one
 * version at a time, from `writers` writers running at once, writer `w` owning every stream `s` with
 * `s % writers === w`. Answers the appended events' ids, in the order they were appended.
 */
export async function appendToNumberedStreams(
  store: Pick<EventStore, 'appendToStream'>,
  { streams, versions, writers, type }: { streams: number; versions: number; writers: number; type: string },
): Promise<string[]> {
  const written: string[] = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let version = 0; version < versions; version++) {
        for (let s = writer; s < streams; s += writers) {
          const event = { eventId: randomUUID(), type, schemaVersion: 1, data: { version } };
          const metadata = { orgId: 'org-1', correlationId: 'c', causationId: null, occurredAt: new Date().toISOString() }; // prettier-ignore
          await store.appendToStream(`stream-${s}`, [event], { expectedVersion: version, metadata });
          written.push(event.eventId);
        }
      }
    }),
  );
  return written;
}
