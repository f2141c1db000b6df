/**
 * A UUID as Postgres' `uuid` type reads it (8-4-4-4-12 hex digits, any case). Checked before a value
 * reaches a `::uuid` cast, so a malformed one is a 400 or an empty answer rather than a database error.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
