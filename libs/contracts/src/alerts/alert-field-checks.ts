import { isText } from '@oncall/shared-text';
import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Text the incident domain will accept: a string with a non-blank character and at most `maxLength`
 * UTF-16 code units, checked with the same `isText` the incident domain uses, so the gateway never answers 202 for an
 * alert that incident-state would refuse (and dead-letter).
 */
export function IsNonBlankText(maxLength: number, options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNonBlankText',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [maxLength],
      options: {
        message: `$property must be text that is not blank, of at most ${maxLength} characters (UTF-16 code units), without NUL or unpaired surrogates`,
        ...options,
      },
      validator: { validate: (value: unknown) => isText(value, maxLength) },
    });
}

// Date and time with minutes, optional seconds and fraction, and an explicit offset: one unambiguous instant.
const OFFSET_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`) on a real calendar day. Week and ordinal
 * dates, missing minutes and offset-less values (which would be read in the server's time zone) fail.
 */
export function isOffsetInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = OFFSET_INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return (
    year >= 1 && // PostgreSQL has no year 0
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59 &&
    !Number.isNaN(Date.parse(value))
  );
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export const OFFSET_INSTANT_PROBLEM =
  'must be an ISO-8601 date and time with an offset, like 2027-01-01T12:00:00Z or 2027-01-01T14:00:00+02:00';

/** `isOffsetInstant` as a class-validator decorator. */
export function IsOffsetInstant(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOffsetInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property ${OFFSET_INSTANT_PROBLEM}`, ...options },
      validator: { validate: (value: unknown) => isOffsetInstant(value) },
    });
}
