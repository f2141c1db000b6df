import { cursorCodec } from '../paging/page-cursor';

/**
 * The cursor of every keyset-paginated list behind the API (ADR 0083): the last row's sort instant and id.
 * Opaque to callers; written and read by the platform's one cursor codec (libs/contracts paging, ADR 0094),
 * so a cursor the API did not issue is refused (400 naming `cursor`) before it reaches a query, never a
 * database error: the instant is UTC with exactly the precision the list writes (`ms` as Date#toISOString,
 * `us` as PostgreSQL's to_char ... .US), names a real moment of the years 1 to 9999 (no 30 February, no
 * year 0), and the id is a UUID as PostgreSQL prints it. Services read them with `readCursor`
 * (platform-messaging), which refuses what `decode` does not accept.
 */
export const listCursors = {
  ms: cursorCodec(null, ['instant-ms', 'uuid'] as const),
  us: cursorCodec(null, ['instant-us', 'uuid'] as const),
};

/** Fraction digits of the instant, as each list writes it. */
export type CursorPrecision = keyof typeof listCursors;
