/**
 * The cursor of every keyset-paginated list behind the API (ADR 0083): the last row's sort instant and id,
 * as JSON in base64url. Opaque to callers; decoded strictly, so that a cursor the API did not issue is
 * refused (400 naming `cursor`) before it reaches a query, never a database error: the instant is UTC with
 * exactly the precision the list writes (`ms` as Date#toISOString, `us` as PostgreSQL's to_char ... .US),
 * names a real moment of the years 1 to 9999 (no 30 February, no year 0), and the id is a UUID.
 */
export interface ListPosition {
  at: string;
  id: string;
}

const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,200}$/;
/** Fraction digits of the instant, as each list writes it. */
export type CursorPrecision = 'ms' | 'us';
const POSITION_INSTANT = {
  ms: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/,
  us: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CURSOR_REFUSAL = 'cursor is not one this API returned; start again without it.';

export function encodeListCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

/** The position a cursor names, or null for anything this API could not have issued. */
export function decodeListCursor(cursor: unknown, precision: CursorPrecision): ListPosition | null {
  if (typeof cursor !== 'string' || !CURSOR_TEXT.test(cursor)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) return null;
  const [at, id] = decoded as unknown[];
  if (typeof at !== 'string' || !isPositionInstant(at, precision) || typeof id !== 'string' || !UUID.test(id))
    return null;
  return { at, id };
}

function isPositionInstant(value: string, precision: CursorPrecision): boolean {
  const match = POSITION_INSTANT[precision].exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // A field out of range (30 February, hour 24) rolls the date over: it then reads back differently.
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}
