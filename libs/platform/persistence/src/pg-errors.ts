/** PostgreSQL SQLSTATE 23505: a unique constraint refused the row. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const source = pgError.driverError ?? pgError;
  return source.code === '23505' && (constraint === undefined || source.constraint === constraint);
}
