interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  severity?: unknown;
  driverError?: PgErrorLike;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The SQLSTATE of an error PostgreSQL answered, whether it comes from `pg` directly or wrapped by TypeORM
 * (`driverError`); undefined for anything else (a NATS or network error also has a `code`, never a
 * `severity` beside a five-character SQLSTATE).
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const source = (error as PgErrorLike).driverError ?? (error as PgErrorLike);
  const { code, severity } = source;
  return typeof code === 'string' && SQLSTATE.test(code) && typeof severity === 'string' ? code : undefined;
}

/** PostgreSQL SQLSTATE 23505: a unique constraint refused the row. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as PgErrorLike;
  const source = pgError.driverError ?? pgError;
  return source.code === '23505' && (constraint === undefined || source.constraint === constraint);
}

/**
 * Integrity violations that depend on the row alone. Unique (23505), foreign-key (23503), exclusion
 * (23P01) and restrict (23001) violations depend on other rows, which a retry may find changed.
 */
const ROW_ONLY_CONSTRAINTS: ReadonlySet<string> = new Set(['23502', '23514']);

/**
 * PostgreSQL refused the data itself, so the same statement with the same values is refused again
 * whenever it is retried: class 22 (data exception: NUL in text, an unpaired surrogate in jsonb, a value
 * out of range, an impossible date ...), NOT NULL and CHECK violations, and class 54 (a value over a
 * limit, e.g. an index row too large). Retrying such a message only holds back the ones behind it.
 */
export function isPermanentDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (!state) return false;
  return state.startsWith('22') || state.startsWith('54') || ROW_ONLY_CONSTRAINTS.has(state);
}
