// Field checks shared by the policy validation; each reports through `report` and answers what it could read.

/** Records one problem: the field's path and what is wrong with it. */
export type Report = (path: string, message: string) => void;

export function checkText(
  value: unknown,
  path: string,
  length: { min: number; max: number },
  report: Report,
): string {
  if (typeof value !== 'string') {
    report(path, `must be a text of ${length.min} to ${length.max} characters, got ${show(value)}`);
    return '';
  }
  const trimmed = value.trim();
  if (trimmed.length < length.min || trimmed.length > length.max) {
    report(path, `must be ${length.min} to ${length.max} characters (trimmed), got ${trimmed.length}`);
  }
  return trimmed;
}

export function reportUnknownFields(
  record: Record<string, unknown>,
  known: readonly string[],
  path: string,
  what: string,
  report: Report,
): void {
  for (const field of Object.keys(record).filter((key) => !known.includes(key))) {
    report(path ? `${path}.${field}` : field, `is not a field of ${what} (it has ${known.join(', ')})`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isWholeNumberIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
