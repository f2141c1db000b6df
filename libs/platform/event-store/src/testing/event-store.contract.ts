import { randomUUID } from 'node:crypto';
import { ConcurrencyError, EventMetadata, EventStore, NewEvent, StoredEvent } from '../event-store.port';

export interface EventStoreUnderTest {
  store: EventStore;
  close(): Promise<void>;
}

const metadata: EventMetadata = {
  orgId: 'org-contract',
  correlationId: 'corr-1',
  causationId: null,
  occurredAt: '2027-01-01T00:00:00.000Z',
};

function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { eventId: randomUUID(), type, schemaVersion: 1, data };
}

/**
 * Behaviour every EventStore adapter must show. Run it from an adapter's own int-spec with a factory
 * that gives a fresh, empty store.
 */
export function describeEventStoreContract(adapter: string, open: () => Promise<EventStoreUnderTest>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let subject: EventStoreUnderTest;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('reads a stream back in the order it was written, versions from 1', async () => {
      const stream = `s-${randomUUID()}`;
      await subject.store.appendToStream(stream, [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], {
        expectedVersion: 0,
        metadata,
      });
      await subject.store.appendToStream(stream, [newEvent('C', { n: 3 })], { expectedVersion: 2, metadata });
      const events = await subject.store.readStream(stream);
      expect(events.map((e) => [e.type, e.version, e.data])).toEqual([
        ['A', 1, { n: 1 }],
        ['B', 2, { n: 2 }],
        ['C', 3, { n: 3 }],
      ]);
      expect(events[0].metadata).toMatchObject(metadata);
    });

    it('refuses an append whose expected version is stale, and writes none of its events', async () => {
      const stream = `s-${randomUUID()}`;
      await subject.store.appendToStream(stream, [newEvent('A')], { expectedVersion: 0, metadata });
      await expect(
        subject.store.appendToStream(stream, [newEvent('B'), newEvent('C')], {
          expectedVersion: 0,
          metadata,
        }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(
        subject.store.appendToStream(stream, [newEvent('B')], { expectedVersion: 5, metadata }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await subject.store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
    });

    it('lets exactly one of two concurrent appends with the same expected version win', async () => {
      const stream = `s-${randomUUID()}`;
      await subject.store.appendToStream(stream, [newEvent('Created')], { expectedVersion: 0, metadata });
      const results = await Promise.allSettled([
        subject.store.appendToStream(stream, [newEvent('AckByAlice')], { expectedVersion: 1, metadata }),
        subject.store.appendToStream(stream, [newEvent('AckByBob')], { expectedVersion: 1, metadata }),
      ]);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(ConcurrencyError);
      expect(await subject.store.readStream(stream)).toHaveLength(2);
    });

    it('lets exactly one of two concurrent creations of the same stream win', async () => {
      const stream = `s-${randomUUID()}`;
      const results = await Promise.allSettled([
        subject.store.appendToStream(stream, [newEvent('Created')], { expectedVersion: 0, metadata }),
        subject.store.appendToStream(stream, [newEvent('Created')], { expectedVersion: 0, metadata }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await subject.store.readStream(stream)).toHaveLength(1);
    });

    it('reads all streams in global order, resuming after a position without repeats', async () => {
      const streams = [`a-${randomUUID()}`, `b-${randomUUID()}`];
      const written: string[] = [];
      for (let i = 0; i < 6; i++) {
        const stream = streams[i % 2];
        const event = newEvent('Step', { i });
        await subject.store.appendToStream(stream, [event], { expectedVersion: Math.floor(i / 2), metadata });
        written.push(event.eventId);
      }
      const firstPage = await readAllOf(subject.store, written, 4);
      // Read-all may hold back events while older transactions anywhere on the server are still open (so a
      // late commit is never skipped): it is complete once they end, hence the polling.
      const ids = await eventually(
        async () => {
          const rest = await subject.store.readAll({ after: firstPage[firstPage.length - 1].position });
          return [...firstPage, ...rest].map((e) => e.eventId).filter((id) => written.includes(id));
        },
        (found) => found.length === written.length,
      );
      expect(ids).toEqual(written);
    });

    it('reads a stream from a version on (the events after a snapshot)', async () => {
      const stream = `s-${randomUUID()}`;
      await subject.store.appendToStream(stream, [newEvent('A'), newEvent('B'), newEvent('C')], {
        expectedVersion: 0,
        metadata,
      });
      const tail = await subject.store.readStream(stream, { fromVersion: 2 });
      expect(tail.map((e) => [e.type, e.version])).toEqual([
        ['B', 2],
        ['C', 3],
      ]);
      expect(await subject.store.readStream(stream, { fromVersion: 4 })).toEqual([]);
    });

    it('returns an empty stream for an unknown stream id', async () => {
      expect(await subject.store.readStream(`missing-${randomUUID()}`)).toEqual([]);
    });
  });
}

async function readAllOf(store: EventStore, ids: string[], limit: number): Promise<StoredEvent[]> {
  const all = await eventually(
    () => store.readAll({ limit: 10_000 }),
    (events) => events.some((e) => e.eventId === ids[ids.length - 1]),
  );
  const firstIndex = all.findIndex((e) => e.eventId === ids[0]);
  return all.slice(firstIndex, firstIndex + limit);
}

/** Calls `read` until `done` holds (or 5 s pass, then returns the last answer for the assertion to judge). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
