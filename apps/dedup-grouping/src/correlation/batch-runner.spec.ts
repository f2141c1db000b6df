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

function itemsOf(count: number): PartitionItem[] {
  return Array.from({ length: count }, (_, i) => {
    const received = new ReceivedAlert(i + 1, `alert-${i + 1}`, 'trigger', new Uint8Array());
    return { received, owner: 'org', key: 'org\nkey' } as unknown as PartitionItem;
  });
}

describe('BatchRunner with a fake handler: an alert is done only once its history row is written', () => {
  it('reports each step’s alerts done when that step’s history is written, not when the step returns', async () => {
    const handler = new HandlerWithHeldHistory();
    const runner = new BatchRunner(
      handler as unknown as KeyBatchHandler,
      {} as MessageBus,
      {} as ServiceMetrics,
      pino({ level: 'silent' }),
    );
    const done: number[] = [];

    const outcome = await runner.run(itemsOf(5), (item) => done.push(item.received.sequence));

    expect(outcome.applied).toBe(5);
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
});
