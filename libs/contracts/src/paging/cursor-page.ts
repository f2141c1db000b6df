/** One page of a list, newest or oldest first as the list says; pass `nextCursor` back for the next one. */
export interface CursorPage<T> {
  items: T[];
  /** Null on the last page. A page may hold fewer than `limit` items and still have a next one. */
  nextCursor: string | null;
}

/** `?cursor=&limit=` of a list, as sent over the bus. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

export const PAGE_DEFAULT_LIMIT = 50;
export const PAGE_MAX_LIMIT = 200;

/**
 * Most bytes of JSON the items of one page may take. A page stops early when the next item would pass
 * it, so an answer holding a few pages stays well under the bus's 1 MiB whatever the items hold.
 */
export const PAGE_MAX_BYTES = 200 * 1024;
