import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * An instant as the API takes one in a query (`from`, `to`, `at`): ISO-8601 calendar date and time with an
 * explicit offset, `2027-05-01T09:00:00Z` or `2027-05-01T11:00+02:00`. Strict on purpose: validators that
 * say "ISO-8601" accept week dates (`2026-W01`), ordinal dates and dates without a time that PostgreSQL
 * reads differently or not at all, or roll 30 February over to March. The instant must be a real one, in
 * the years 1 to 9999 once in UTC (PostgreSQL has no year 0), with an offset of at most 14 hours.
 */
const API_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const FIRST_INSTANT_MS = -62135596800000; // 0001-01-01T00:00:00Z
const LAST_INSTANT_MS = 253402300799999; // 9999-12-31T23:59:59.999Z

export function isApiInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = API_INSTANT.exec(value);
  if (!match) return false;
  const [y, mo, d, h, mi, s = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[]; // prettier-ignore
  const [sign, oh, om] = [match[7], Number(match[8] ?? 0), Number(match[9] ?? 0)];
  const real = mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59;
  if (!real || oh > 14 || om > 59) return false;
  const utc = utcMillis(y, mo, d, h, mi, s) - (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return utc >= FIRST_INSTANT_MS && utc <= LAST_INSTANT_MS;
}

/** Date.UTC would read the years 0-99 as 1900-1999. */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** class-validator form of isApiInstant, with a message that says what to send. */
export const IsApiInstant = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isApiInstant',
      validator: {
        validate: isApiInstant,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an instant such as 2027-05-01T09:00:00Z (date, time and UTC offset)`,
      },
    },
    options,
  );
