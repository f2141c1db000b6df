/**
 * The one cursor codec of the platform. A cursor is opaque to callers: base64url of the JSON array
 * `[kind, ...values]` (or just `[...values]` for a codec without a kind: the keyset lists of ADR 0083).
 * Decoding is strict, because values go into SQL: the kind must match (a timeline cursor is no alerts
 * cursor), every value must have its part's exact shape and name something PostgreSQL reads (no
 * 30 February, no year 0, no integer over its column), and the text must be exactly what `encode` writes
 * for those values. Anything else was not issued by us.
 */
export type CursorPart =
  /** An instant as we write it: UTC, milliseconds or microseconds, a real calendar day, year 1 or later. */
  | 'instant'
  /** The same, with exactly the precision a list writes (Date#toISOString; PostgreSQL's to_char .US). */
  | 'instant-ms'
  | 'instant-us'
  /** A lower-case UUID, as PostgreSQL prints one. */
  | 'uuid'
  /** A PostgreSQL integer at least 0 (versions, positions). */
  | 'integer'
  /** A whole number at least 0 that JavaScript holds exactly (stream sequences). */
  | 'sequence'
  /** A PostgreSQL bigint at least 0, as decimal text (JavaScript numbers cannot hold them all). */
  | 'bigint';

type ValueOf<P extends CursorPart> = P extends 'integer' | 'sequence' ? number : string;
export type CursorValues<Parts extends readonly CursorPart[]> = { [I in keyof Parts]: ValueOf<Parts[I]> };

export interface CursorCodec<Parts extends readonly CursorPart[]> {
  encode(values: CursorValues<Parts>): string;
  /** The values, or null for anything `encode` did not write. */
  decode(cursor: unknown): CursorValues<Parts> | null;
}

/** Longest cursor any codec writes; query DTOs bound `cursor` with it. */
export const CURSOR_MAX_LENGTH = 512;
/** The message of the 400 naming `cursor`, everywhere. */
export const CURSOR_PROBLEM = 'cursor is not one this API returned; start again without it.';

const INSTANT = {
  any: /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(\d{3}|\d{6})Z$/,
  ms: /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(\d{3})Z$/,
  us: /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(\d{6})Z$/,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const PG_INTEGER_MAX = 2_147_483_647;
const DECIMAL = /^(0|[1-9]\d{0,18})$/;
const PG_BIGINT_MAX = 2n ** 63n - 1n;

const VALID: Record<CursorPart, (value: unknown) => boolean> = {
  instant: (value) => typeof value === 'string' && isRealInstant(value, INSTANT.any),
  'instant-ms': (value) => typeof value === 'string' && isRealInstant(value, INSTANT.ms),
  'instant-us': (value) => typeof value === 'string' && isRealInstant(value, INSTANT.us),
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  integer: (value) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= PG_INTEGER_MAX,
  sequence: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  bigint: (value) => typeof value === 'string' && DECIMAL.test(value) && BigInt(value) <= PG_BIGINT_MAX,
};

export function cursorCodec<const Parts extends readonly CursorPart[]>(
  kind: string | null,
  parts: Parts,
): CursorCodec<Parts> {
  const prefix = kind === null ? [] : [kind];
  const encode = (values: CursorValues<Parts>) =>
    toBase64Url(JSON.stringify([...prefix, ...(values as readonly unknown[])]));
  return {
    encode,
    decode(cursor) {
      if (typeof cursor !== 'string' || cursor.length > CURSOR_MAX_LENGTH || !BASE64URL.test(cursor)) {
        return null;
      }
      let decoded: unknown;
      try {
        decoded = JSON.parse(fromBase64Url(cursor));
      } catch {
        return null;
      }
      if (!Array.isArray(decoded) || decoded.length !== parts.length + prefix.length) return null;
      if (kind !== null && decoded[0] !== kind) return null;
      const values = decoded.slice(prefix.length);
      if (!parts.every((part, index) => VALID[part](values[index]))) return null;
      const typed = values as unknown as CursorValues<Parts>;
      return encode(typed) === cursor ? typed : null;
    },
  };
}

/** Has the shape and names an instant PostgreSQL reads: no 30 February, no hour 24, no year 0. */
function isRealInstant(value: string, shape: RegExp): boolean {
  const match = shape.exec(value);
  if (!match || Number(match[1]) < 1) return false;
  const parsed = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
}

// btoa/atob rather than Buffer: the SPA type-checks this library too. What we encode is ASCII
// (kinds, UUIDs, instants, numbers); anything else decoded is refused by the checks above.
function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(cursor: string): string {
  return atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
}
