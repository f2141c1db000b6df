import { CURSOR_PROBLEM, cursorCodec } from '../paging/page-cursor';

/**
 * The cursor of every keyset-paginated list behind the API (ADR 0083): the last row's sort instant and id.
 * Opaque to callers; written and read by the platform's one cursor codec (libs/contracts paging, ADR 0094),
 * so a cursor the API did not issue is refused (400 naming `cursor`) before it reaches a query, never a
 * database error: the instant is UTC with exactly the precision the list writes (`ms` as Date#toISOString,
 * `us` as PostgreSQL's to_char ... .US), names a real moment of the years 1 to 9999 (no 30 February, no
 * year 0), and the id is a UUID as PostgreSQL prints it.
 */
export interface ListPosition {
  at: string;
  id: string;
}

/** Fraction digits of the instant, as each list writes it. */
export type CursorPrecision = 'ms' | 'us';

const LIST_CURSORS = {
  ms: cursorCodec(null, ['instant-ms', 'uuid'] as const),
  us: cursorCodec(null, ['instant-us', 'uuid'] as const),
};

export const CURSOR_REFUSAL = CURSOR_PROBLEM;

export function encodeListCursor(position: ListPosition): string {
  return LIST_CURSORS.us.encode([position.at, position.id]);
}

/** The position a cursor names, or null for anything this API could not have issued. */
export function decodeListCursor(cursor: unknown, precision: CursorPrecision): ListPosition | null {
  const values = LIST_CURSORS[precision].decode(cursor);
  return values ? { at: values[0], id: values[1] } : null;
}
