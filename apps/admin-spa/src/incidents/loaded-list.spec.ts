import { withFreshFirstPage, withNextPage } from './loaded-list';

const key = (n: number) => n;

describe('an incident list read a page at a time, newest first', () => {
  it('appends older pages without repeating an item', () => {
    const first = { items: [10, 9, 8], nextCursor: 'c8' };
    expect(withNextPage(first, { items: [8, 7, 6], nextCursor: 'c6' }, key)).toEqual({
      items: [10, 9, 8, 7, 6],
      nextCursor: 'c6',
    });
  });

  it('keeps the older pages the viewer loaded when the detail is read again', () => {
    const loaded = { items: [10, 9, 8, 7, 6], nextCursor: 'c6' };
    expect(withFreshFirstPage({ items: [12, 11, 10], nextCursor: 'c10' }, loaded, key)).toEqual({
      items: [12, 11, 10, 9, 8, 7, 6],
      nextCursor: 'c6',
    });
  });

  it('starts again from the fresh page when more happened than a page holds (a gap is possible)', () => {
    const loaded = { items: [10, 9, 8], nextCursor: 'c8' };
    const fresh = { items: [20, 19, 18], nextCursor: 'c18' };
    expect(withFreshFirstPage(fresh, loaded, key)).toEqual(fresh);
  });

  it('takes the fresh page alone when it is the whole list, or when nothing older was loaded', () => {
    expect(
      withFreshFirstPage({ items: [3, 2, 1], nextCursor: null }, { items: [2, 1], nextCursor: null }, key),
    ).toEqual({
      items: [3, 2, 1],
      nextCursor: null,
    });
    expect(
      withFreshFirstPage({ items: [5, 4], nextCursor: 'c4' }, { items: [5, 4], nextCursor: 'c4' }, key),
    ).toEqual({
      items: [5, 4],
      nextCursor: 'c4',
    });
    expect(withFreshFirstPage({ items: [5, 4], nextCursor: 'c4' }, null, key)).toEqual({
      items: [5, 4],
      nextCursor: 'c4',
    });
  });
});
