import fc from 'fast-check';
import { boundedPage, pageLimit } from './bounded-page';

/** Walks rows the way a caller would: one page at a time, from the cursor of the previous one. */
function walk(all: string[], limit: number, maxBytes: number) {
  const rows = all.map((value, at) => ({ at, value }));
  const pages: { at: number; value: string }[][] = [];
  let from = 0;
  for (;;) {
    const fetched = rows.slice(from, from + limit + 1);
    const page = boundedPage(
      fetched,
      limit,
      (row) => row,
      (row) => String(row.at + 1),
      maxBytes,
    );
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    from = Number(page.nextCursor);
  }
}

describe('boundedPage', () => {
  it('never passes the byte budget unless one item alone does, and a walk sees every row once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 2_000 }),
        (all, limit, maxBytes) => {
          const pages = walk(all, limit, maxBytes);
          expect(pages.flat().map((row) => row.value)).toEqual(all);
          for (const page of pages) {
            expect(page.length).toBeLessThanOrEqual(limit);
            const bytes = page.reduce((sum, row) => sum + Buffer.byteLength(JSON.stringify(row)), 0);
            if (page.length > 1) expect(bytes).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
    );
  });

  it('ends with a null cursor on the last page, also when it is cut exactly at the limit', () => {
    expect(
      boundedPage(
        ['a', 'b'],
        2,
        (row) => row,
        () => 'next',
      ).nextCursor,
    ).toBeNull();
    expect(
      boundedPage(
        ['a', 'b', 'c'],
        2,
        (row) => row,
        (item) => item,
      ).nextCursor,
    ).toBe('b');
  });

  it.each([
    [undefined, 50],
    [0, 1],
    [1_000, 200],
    [1.5, 50],
    [20, 20],
  ])('takes limit %p as %p', (requested, limit) => {
    expect(pageLimit(requested)).toBe(limit);
  });
});
