import { AlertHeaders, MessageBus } from '@oncall/platform-messaging';
import { headers as natsHeaders, JsMsg } from 'nats';
import pino from 'pino';
import { InFlightBudget } from './in-flight-budget';
import { PartitionItem, PartitionReader } from './partition-reader';

/** A stand-in for JetStream (fake: no NATS): an ordered consumer over the given stream sequences. */
function busOver(sequences: number[]): MessageBus {
  const messages = sequences.map((seq, i) => {
    const h = natsHeaders();
    h.set(AlertHeaders.key, `key-${seq}`);
    h.set(AlertHeaders.action, 'trigger');
    h.set('Oncall-Org-Id', 'org');
    h.set('Nats-Msg-Id', `alert-${seq}`);
    return {
      seq,
      info: { pending: sequences.length - i - 1 },
      headers: h,
      data: new Uint8Array(),
    } as unknown as JsMsg;
  });
  const consumer = {
    consume: async () => {
      let stopped = false;
      return {
        stop: () => (stopped = true),
        async *[Symbol.asyncIterator]() {
          for (const message of messages) if (!stopped) yield message;
          while (!stopped) await new Promise((resolve) => setTimeout(resolve, 5));
        },
      };
    },
  };
  return {
    js: { consumers: { get: async () => consumer } },
    namespace: { stream: (name: string) => name, subject: (name: string) => name },
    nc: { isClosed: () => false },
  } as unknown as MessageBus;
}

async function readerOver(sequences: number[], start: { sequence: number; doneAbove: number[] }) {
  const delivered: PartitionItem[] = [];
  const reader = new PartitionReader(
    0,
    start,
    busOver(sequences),
    (item) => delivered.push(item),
    pino({ level: 'silent' }),
    {
      maxInFlight: 100,
      budget: new InFlightBudget(100),
      deadLetter: async () => undefined,
    },
  );
  reader.start();
  const deadline = Date.now() + 5_000;
  while (reader.unread > 0 || delivered.length + start.doneAbove.length < sequences.length) {
    if (Date.now() > deadline) throw new Error('the fake stream was not read');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { reader, delivered };
}

describe('PartitionReader over a fake stream: what a holder finished beyond its watermark is never applied again', () => {
  it('skips the alerts the previous holder finished out of order and applies the others', async () => {
    const { reader, delivered } = await readerOver([11, 12, 13, 14, 15], {
      sequence: 10,
      doneAbove: [12, 14],
    });

    expect(delivered.map((item) => item.received.sequence)).toEqual([11, 13, 15]);
    reader.complete(11);
    expect(reader.checkpoint).toEqual({ sequence: 12, doneAbove: [14] });
    reader.complete(15);
    expect(reader.checkpoint).toEqual({ sequence: 12, doneAbove: [14, 15] });
    await reader.stop({ drainMs: 0, settleMs: 0 });
  });

  it('hands on what it finished beyond its watermark, and what the previous holder finished that it has not read', async () => {
    const { reader } = await readerOver([21, 22, 23], { sequence: 20, doneAbove: [22, 40] });

    reader.complete(23);
    expect(reader.checkpoint).toEqual({ sequence: 20, doneAbove: [22, 23, 40] });
    await reader.stop({ drainMs: 0, settleMs: 0 });
  });

  it('waits at a handover for the steps applied here until their history is written', async () => {
    const { reader } = await readerOver([31, 32], { sequence: 30, doneAbove: [] });
    reader.batchStarted();
    reader.applied(31);
    let stopped = false;
    const stopping = reader.stop({ drainMs: 0, settleMs: 5_000 }).then(() => (stopped = true));

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([stopped, reader.accepts()]).toEqual([false, false]);
    reader.batchEnded();
    reader.complete(31);
    await stopping;
    expect(reader.checkpoint).toEqual({ sequence: 31, doneAbove: [] });
  });

  it('yields to the event loop while a fetch of slow-to-hand-on messages is read, keeping stream order', async () => {
    const sequences = Array.from({ length: 40 }, (_, i) => i + 1);
    const delivered: number[] = [];
    const reader = new PartitionReader(
      0,
      { sequence: 0, doneAbove: [] },
      busOver(sequences),
      (item) => {
        // 1 ms of synchronous work per alert: 40 ms for the fetch in one go without yielding.
        const until = performance.now() + 1;
        while (performance.now() < until);
        delivered.push(item.received.sequence);
      },
      pino({ level: 'silent' }),
      { maxInFlight: 1_000, budget: new InFlightBudget(1_000), deadLetter: async () => undefined },
    );
    let deliveredWhenOthersRan = -1;
    reader.start();
    setImmediate(() => (deliveredWhenOthersRan = delivered.length));
    const deadline = Date.now() + 5_000;
    while (delivered.length < sequences.length) {
      if (Date.now() > deadline) throw new Error('the fake stream was not read');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    expect(deliveredWhenOthersRan).toBeGreaterThan(0);
    expect(deliveredWhenOthersRan).toBeLessThan(sequences.length / 2);
    expect(delivered).toEqual(sequences);
    await reader.stop({ drainMs: 0, settleMs: 0 });
  });
});
