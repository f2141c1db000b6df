import { FieldProblem, jsonProblems, keyProblem } from './json-rules';
import {
  INSTANT_PROBLEM,
  isStorableText,
  isText,
  isWebUrl,
  parseInstant,
  textProblem,
  URL_MAX_LENGTH,
} from './text-rules';

type Fields = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the fields of one JSON object, collecting a problem per bad field, named the way the API names
 * fields (`alerts.3.labels.severity`, `payload.summary`). A required reader that records a problem
 * returns a stand-in ('' or the first allowed value): an event with problems is refused whole, so
 * stand-ins never reach an alert, and mapping code reads straight through. Optional readers treat null
 * like absent, as many senders write it.
 */
export class FieldReader {
  private constructor(
    private readonly fields: Fields,
    readonly path: string,
    readonly problems: FieldProblem[],
  ) {}

  /** A reader of `value` at `path` ('' for the body), or null (with a problem) when it is no object. */
  static of(value: unknown, path: string, problems: FieldProblem[]): FieldReader | null {
    if (isPlainObject(value)) return new FieldReader(value, path, problems);
    const field = path || 'body';
    problems.push({ field, message: `${field} must be a JSON object` });
    return null;
  }

  name(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  present(key: string): boolean {
    return this.fields[key] !== undefined && this.fields[key] !== null;
  }

  raw(key: string): unknown {
    return this.fields[key];
  }

  fail(key: string, problem: string): undefined {
    this.problems.push({ field: this.name(key), message: `${this.name(key)} ${problem}` });
    return undefined;
  }

  text(key: string, maxLength: number): string {
    const value = this.fields[key];
    return isText(value, maxLength) ? value : (this.fail(key, textProblem(maxLength)) ?? '');
  }

  optionalText(key: string, maxLength: number): string | undefined {
    return this.present(key) ? this.text(key, maxLength) : undefined;
  }

  /** Text in a fixed notation (MITRE ids): `shape` says what it must look like. */
  pattern(key: string, shape: RegExp, description: string): string {
    const value = this.fields[key];
    return typeof value === 'string' && shape.test(value) ? value : (this.fail(key, description) ?? '');
  }

  optionalPattern(key: string, shape: RegExp, description: string): string | undefined {
    return this.present(key) ? this.pattern(key, shape, description) : undefined;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const value = this.fields[key];
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    return this.fail(key, `must be one of: ${values.join(', ')}`) ?? values[0];
  }

  optionalOneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    return this.present(key) ? this.oneOf(key, values) : undefined;
  }

  instant(key: string): string {
    return parseInstant(this.fields[key]) ?? this.fail(key, INSTANT_PROBLEM) ?? '';
  }

  optionalInstant(key: string): string | undefined {
    return this.present(key) ? this.instant(key) : undefined;
  }

  url(key: string, httpsOnly = false): string {
    const value = this.fields[key];
    if (isWebUrl(value, httpsOnly)) return value;
    const scheme = httpsOnly ? 'an https' : 'an http or https';
    return this.fail(key, `must be ${scheme} URL of at most ${URL_MAX_LENGTH} characters`) ?? '';
  }

  optionalUrl(key: string, httpsOnly = false): string | undefined {
    return this.present(key) ? this.url(key, httpsOnly) : undefined;
  }

  number(key: string): number {
    const value = this.fields[key];
    return typeof value === 'number' && Number.isFinite(value)
      ? value
      : (this.fail(key, 'must be a number') ?? 0);
  }

  optionalNumber(key: string): number | undefined {
    return this.present(key) ? this.number(key) : undefined;
  }

  /** A reader of a nested object; a stand-in that reports nothing more when it is no object. */
  object(key: string, value: unknown = this.fields[key]): FieldReader {
    return FieldReader.of(value, this.name(key), this.problems) ?? new FieldReader({}, '', []);
  }

  optionalObject(key: string): FieldReader | undefined {
    return this.present(key) ? this.object(key) : undefined;
  }

  optionalArray(key: string, maxItems: number): unknown[] | undefined {
    if (!this.present(key)) return undefined;
    const value = this.fields[key];
    if (Array.isArray(value) && value.length <= maxItems) return value;
    return this.fail(key, `must be an array of at most ${maxItems} items`);
  }

  /** An optional array of objects, each read at `key.<index>` ([] when absent). */
  optionalObjects(key: string, maxItems: number): FieldReader[] {
    const items = this.optionalArray(key, maxItems) ?? [];
    return items.map((item, index) => this.object(`${key}.${index}`, item));
  }

  /** Free JSON kept as sent (details, evidence): an object whose strings and keys are storable. */
  optionalJson(key: string): Fields | undefined {
    if (!this.present(key)) return undefined;
    const value = this.fields[key];
    if (!isPlainObject(value)) return this.fail(key, 'must be a JSON object');
    const problems = jsonProblems(value, this.name(key));
    this.problems.push(...problems);
    return problems.length === 0 ? value : undefined;
  }

  /** Labels, annotations: text values (blank allowed), names and sizes bounded. */
  optionalStringMap(
    key: string,
    maxEntries: number,
    maxValueLength: number,
  ): Record<string, string> | undefined {
    if (!this.present(key)) return undefined;
    const value = this.fields[key];
    if (!isPlainObject(value)) return this.fail(key, 'must be a JSON object of text values');
    const entries = Object.entries(value);
    if (entries.length > maxEntries) return this.fail(key, `must have at most ${maxEntries} entries`);
    const before = this.problems.length;
    for (const [name, entry] of entries) {
      const badKey = keyProblem(name, this.name(key), MAP_KEY_MAX_LENGTH);
      if (badKey) this.problems.push(badKey);
      else if (!isStringValue(entry, maxValueLength))
        this.fail(`${key}.${name}`, stringValueProblem(maxValueLength));
    }
    return this.problems.length === before ? (value as Record<string, string>) : undefined;
  }
}

const MAP_KEY_MAX_LENGTH = 255;

function isStringValue(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength && isStorableText(value);
}

function stringValueProblem(maxLength: number): string {
  return `must be text of at most ${maxLength} characters, without NUL or unpaired surrogates`;
}
