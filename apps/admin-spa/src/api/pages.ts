import type { Page } from './types';

/** Pages read at most: 100 pages of 200 is more people than any MSP has, and a cursor bug cannot loop forever. */
export const MAX_PAGES = 100;

/**
 * Walks a cursor-paged list to its end, handing each page's items to `onPage` as it arrives (so the first
 * names show while the rest load). Stops at a cursor seen before.
 */
export async function forEachPage<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  onPage: (items: T[]) => void,
  maxPages = MAX_PAGES,
): Promise<void> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let read = 0; read < maxPages; read++) {
    const page = await fetchPage(cursor);
    onPage(page.items);
    cursor = page.nextCursor;
    if (!cursor || seen.has(cursor)) return;
    seen.add(cursor);
  }
}
