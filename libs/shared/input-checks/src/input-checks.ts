// Checks of input received in any shape; each reports through `report` and answers what it could read.

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

/** The parts of a list check that depend on what the list holds. */
export interface ListRule<Entry> {
  /** What the list must be, after "must be a list of": `steps {contactMethodId, delayMinutes}`. */
  readonly listOf: string;
  /** What its entries are called in the length problem: `steps`. */
  readonly entries: string;
  readonly maxEntries: number;
  /** Reads one entry, reporting its problems at `entryPath` (`path[index]`). */
  readonly checkEntry: (entry: unknown, entryPath: string) => Entry;
  /** What makes two entries the same; undefined for an entry that cannot repeat another. */
  readonly keyOf: (entry: Entry) => string | undefined;
  /** The problem reported on an entry that repeats the one at `earlierPath`. */
  readonly repeats: (earlierPath: string, entry: Entry) => string;
}

/** Checks a list of 1 to `maxEntries` entries, each read with `checkEntry`; a repeated entry is reported. */
export function checkList<Entry>(
  value: unknown,
  path: string,
  rule: ListRule<Entry>,
  report: Report,
): Entry[] {
  if (!Array.isArray(value)) {
    report(path, `must be a list of ${rule.listOf}`);
    return [];
  }
  if (value.length < 1 || value.length > rule.maxEntries) {
    report(path, `must list 1 to ${rule.maxEntries} ${rule.entries}, got ${value.length}`);
  }
  const firstSeenAt = new Map<string, number>();
  return value.map((raw: unknown, index) => {
    const entryPath = `${path}[${index}]`;
    const entry = rule.checkEntry(raw, entryPath);
    const key = rule.keyOf(entry);
    if (key === undefined) return entry;
    const earlier = firstSeenAt.get(key);
    if (earlier === undefined) firstSeenAt.set(key, index);
    else report(entryPath, rule.repeats(`${path}[${earlier}]`, entry));
    return entry;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isWholeNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A received value as a problem message quotes it. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
