import { CursorPage, PAGE_DEFAULT_LIMIT, PAGE_MAX_BYTES, PAGE_MAX_LIMIT } from '@oncall/contracts';

/** The page size asked for, within 1..PAGE_MAX_LIMIT (the API validates too; the bus may be called directly). */
export function pageLimit(requested: number | undefined, fallback = PAGE_DEFAULT_LIMIT): number {
  if (requested === undefined || !Number.isInteger(requested)) return fallback;
  return Math.min(Math.max(requested, 1), PAGE_MAX_LIMIT);
}

/**
 * One page from `rows` (fetched with LIMIT limit + 1): at most `limit` items and at most `maxBytes` of
 * JSON, but always at least one item so a walk moves on. A page cut short by bytes has a next cursor like
 * one cut by count, so the size of an answer never depends on what the items hold.
 */
export function boundedPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorAfter: (item: Item) => string,
  maxBytes = PAGE_MAX_BYTES,
): CursorPage<Item> {
  const items: Item[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    const item = toItem(row);
    const size = Buffer.byteLength(JSON.stringify(item));
    if (items.length > 0 && bytes + size > maxBytes) break;
    items.push(item);
    bytes += size;
  }
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > items.length && last ? cursorAfter(last) : null };
}
