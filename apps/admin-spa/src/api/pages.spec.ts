import { forEachPage } from './pages';
import type { Page } from './types';

const pages: Record<string, Page<number>> = {
  first: { items: [1, 2], nextCursor: 'b' },
  b: { items: [3, 4], nextCursor: 'c' },
  c: { items: [5], nextCursor: null },
};

describe('paging through a directory list', () => {
  it('reads every page, in order, handing over each as it arrives', async () => {
    const asked: (string | null)[] = [];
    const seen: number[][] = [];
    await forEachPage(
      async (cursor) => {
        asked.push(cursor);
        return pages[cursor ?? 'first'];
      },
      (items) => seen.push(items),
    );
    expect(asked).toEqual([null, 'b', 'c']);
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('stops at a cursor it saw before, and after the most pages it may read', async () => {
    let calls = 0;
    await forEachPage(
      async () => {
        calls += 1;
        return { items: [calls], nextCursor: 'same' };
      },
      () => undefined,
    );
    expect(calls).toBe(2);
    calls = 0;
    await forEachPage(
      async () => {
        calls += 1;
        return { items: [], nextCursor: `c${calls}` };
      },
      () => undefined,
      5,
    );
    expect(calls).toBe(5);
  });
});
