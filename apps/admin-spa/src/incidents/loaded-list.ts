import type { CursorPage } from '../api/types';

/** What a list of the incident page shows: pages read so far (newest first) and where the next one starts. */
export interface LoadedList<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * After the detail is read again (something changed): its fresh first page, then the older items the
 * viewer had loaded. History never changes, so those stay true; but if the fresh page shares nothing with
 * them, more happened than a page holds and there may be a gap: start again from the fresh page.
 */
export function withFreshFirstPage<T>(
  fresh: CursorPage<T>,
  loaded: LoadedList<T> | null,
  keyOf: (item: T) => number,
): LoadedList<T> {
  if (!loaded || fresh.nextCursor === null || fresh.items.length === 0) return fresh;
  const freshKeys = new Set(fresh.items.map(keyOf));
  if (!loaded.items.some((item) => freshKeys.has(keyOf(item)))) return fresh;
  const oldestFresh = Math.min(...freshKeys);
  const older = loaded.items.filter((item) => keyOf(item) < oldestFresh);
  return older.length > 0
    ? { items: [...fresh.items, ...older], nextCursor: loaded.nextCursor }
    : { items: fresh.items, nextCursor: fresh.nextCursor };
}

/** The list with the next (older) page after it; an item already shown is not shown twice. */
export function withNextPage<T>(
  list: LoadedList<T>,
  page: CursorPage<T>,
  keyOf: (item: T) => number,
): LoadedList<T> {
  const shown = new Set(list.items.map(keyOf));
  return {
    items: [...list.items, ...page.items.filter((item) => !shown.has(keyOf(item)))],
    nextCursor: page.nextCursor,
  };
}
