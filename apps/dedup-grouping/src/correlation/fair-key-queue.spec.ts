import fc from 'fast-check';
import { FairKeyQueue } from './fair-key-queue';

describe('FairKeyQueue', () => {
  it('hands out a storm of one owner as one batch, and another owner gets the next turn', () => {
    const queue = new FairKeyQueue<number>(1_000);
    for (let i = 0; i < 5_000; i++) queue.push('org-a', 'a:storm', i);
    queue.push('org-b', 'b:disk', 1);
    const first = queue.take()!;
    expect([first.key, first.items.length]).toEqual(['a:storm', 1_000]);
    expect(queue.take()).toMatchObject({ key: 'b:disk', items: [1] });
    expect(queue.take()).toBeUndefined(); // a:storm is busy until finished
    queue.finish('a:storm');
    expect(queue.take()).toMatchObject({ key: 'a:storm', items: expect.any(Array) });
  });

  it('rotates owners: a second key of a busy owner waits behind other owners', () => {
    const queue = new FairKeyQueue<string>(10);
    queue.push('a', 'a1', 'x');
    queue.push('a', 'a2', 'x');
    queue.push('a', 'a3', 'x');
    queue.push('b', 'b1', 'x');
    queue.push('c', 'c1', 'x');
    expect([1, 2, 3, 4, 5].map(() => queue.take()!.key)).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
  });

  it('never runs two batches of a key at once, keeps each key in order, and loses nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 4 }), fc.boolean()), {
          maxLength: 200,
        }),
        (operations) => {
          const queue = new FairKeyQueue<number>(3);
          const running = new Set<string>();
          const pushed = new Map<string, number[]>();
          const seen = new Map<string, number[]>();
          const takeOne = () => {
            const batch = queue.take();
            if (!batch) return false;
            expect(running.has(batch.key)).toBe(false);
            running.add(batch.key);
            seen.set(batch.key, [...(seen.get(batch.key) ?? []), ...batch.items]);
            return true;
          };
          const finishOne = () => {
            const [key] = running;
            if (key === undefined) return false;
            running.delete(key);
            queue.finish(key);
            return true;
          };
          operations.forEach(([owner, k, finishing], item) => {
            const key = `${owner}${k}`;
            queue.push(owner, key, item);
            pushed.set(key, [...(pushed.get(key) ?? []), item]);
            if (finishing) finishOne();
            else takeOne();
          });
          while (takeOne() || finishOne());
          expect(queue.length).toBe(0);
          expect(seen).toEqual(pushed);
        },
      ),
    );
  });
});
