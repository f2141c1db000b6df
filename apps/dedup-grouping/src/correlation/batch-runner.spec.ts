import { MessageBus } from '@oncall/platform-messaging';
import { ServiceMetrics } from '@oncall/platform-observability';
import pino from 'pino';
import { BatchRunner } from './batch-runner';
import { KeyBatchHandler, StepResult } from './key-batch.handler';
import { PartitionItem } from './partition-reader';
import { ReceivedAlert } from './received-alert';

/** A stand-in for the handler (fake: no incident-state, no database) whose history writes the test settles. */
class HandlerWithHeldHistory {
  readonly writes: (() => void)[] = [];

  async performNext(alerts: readonly ReceivedAlert[]): Promise<StepResult> {
    const written = new Promise<void>((resolve) => this.writes.push(resolve));
    return { covered: Math.min(2, alerts.length), open: null, written };
  }
}

/** A stand-in for the partition reader (fake): only whether it still takes steps. */
class Partition {
  open = true;
  accepts(): boolean {
    return this.open;
  }
}

function itemsOf(count: number, source = new Partition()): PartitionItem[] {
  return Array.from({ length: count }, (_, i) => {
    const received = new ReceivedAlert(i + 1, `alert-${i + 1}`, 'trigger', new Uint8Array());
    return { received, source, owner: 'org', key: 'org\nkey' } as unknown as PartitionItem;
  });
}

function runnerWith(handler: HandlerWithHeldHistory): BatchRunner {
  return new BatchRunner(
    handler as unknown as KeyBatchHandler,
    {} as MessageBus,
    {} as ServiceMetrics,
    pino({ level: 'silent' }),
  );
}

describe('BatchRunner with a fake handler: an alert is done only once its history row is written', () => {
  it('reports each step’s alerts done when that step’s history is written, not when the step returns', async () => {
    const handler = new HandlerWithHeldHistory();
    const applied: number[] = [];
    const done: number[] = [];

    const outcome = await runnerWith(handler).run(itemsOf(5), {
      applied: (item) => applied.push(item.received.sequence),
      done: (item) => done.push(item.received.sequence),
    });

    expect(outcome.applied).toBe(5);
    expect(applied).toEqual([1, 2, 3, 4, 5]);
    expect(handler.writes).toHaveLength(3);
    expect(done).toEqual([]);
    handler.writes[1]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual([3, 4]);
    handler.writes[0]();
    handler.writes[2]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts no further step once the partition is being handed over', async () => {
    const handler = new HandlerWithHeldHistory();
    const partition = new Partition();
    const applied: number[] = [];
    const items = itemsOf(6, partition);
    const stepOnce = handler.performNext.bind(handler);
    handler.performNext = async (alerts) => {
      const result = await stepOnce(alerts);
      partition.open = false; // the handover begins while the first step runs
      return result;
    };

    await runnerWith(handler).run(items, {
      applied: (item) => applied.push(item.received.sequence),
      done: () => undefined,
    });

    expect(applied).toEqual([1, 2]);
    expect(handler.writes).toHaveLength(1);
  });
});
