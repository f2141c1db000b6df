import { isInstant } from '@oncall/scheduling-domain';
import { check, isName, isPlainObject, Problems } from '../field-problem';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const ONE_OFF_MAX_DAYS = 31;
const DAY_MS = 86_400_000;

/** What one key of a window must be, and what a refusal says. */
interface KeyRule {
  accepts: (value: unknown) => boolean;
  message: string;
}
const INSTANT: KeyRule = { accepts: isInstant, message: 'must be an ISO-8601 instant' };
const TIME_OF_DAY_HH_MM: KeyRule = { accepts: isTimeOfDay, message: "must be a time of day 'HH:mm'" };

/** A maintenance window as the API receives it (`window`). */
export function validateMaintenanceWindow(value: unknown, field = 'window'): Problems {
  const problems: Problems = [];
  if (!check(problems, isPlainObject(value), field, 'must be an object')) return problems;
  const window = value as Record<string, unknown>;
  check(problems, isName(window['windowId'], 200), `${field}.windowId`, 'must be a non-blank id');
  validateScope(problems, window['scope'], `${field}.scope`);
  if (window['kind'] === 'one-off') validateOneOff(problems, window, field);
  else if (window['kind'] === 'weekly') validateWeekly(problems, window, field);
  else check(problems, false, `${field}.kind`, 'must be one-off or weekly');
  return problems;
}

function validateScope(problems: Problems, scope: unknown, field: string): void {
  const keys = isPlainObject(scope) ? Object.keys(scope) : [];
  const ok =
    keys.length === 1 &&
    (keys[0] === 'serviceId' || keys[0] === 'clientId') &&
    isName(Object.values(scope as object)[0], 200);
  check(problems, ok, field, 'must name one service ({ serviceId }) or one client ({ clientId })');
}

function validateOneOff(problems: Problems, window: Record<string, unknown>, field: string): void {
  const starts = checkKey(problems, window, field, 'startsAt', INSTANT);
  const ends = checkKey(problems, window, field, 'endsAt', INSTANT);
  if (!starts || !ends) return;
  const length = Date.parse(window['endsAt'] as string) - Date.parse(window['startsAt'] as string);
  check(
    problems,
    length > 0 && length <= ONE_OFF_MAX_DAYS * DAY_MS,
    `${field}.endsAt`,
    `must be after startsAt, by at most ${ONE_OFF_MAX_DAYS} days`,
  );
}

function validateWeekly(problems: Problems, window: Record<string, unknown>, field: string): void {
  check(
    problems,
    isTimeZone(window['timeZone']),
    `${field}.timeZone`,
    'must be an IANA time zone like Europe/Amsterdam',
  );
  const days = window['days'];
  const daysOk =
    Array.isArray(days) &&
    days.length > 0 &&
    new Set(days).size === days.length &&
    days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7);
  check(problems, daysOk, `${field}.days`, 'must list distinct ISO weekdays (1 = Monday … 7 = Sunday)');
  const start = checkKey(problems, window, field, 'start', TIME_OF_DAY_HH_MM);
  const end = checkKey(problems, window, field, 'end', TIME_OF_DAY_HH_MM);
  if (start && end)
    check(problems, window['start'] !== window['end'], `${field}.end`, 'must differ from start');
  for (const bound of ['from', 'until']) {
    if (window[bound] !== undefined) checkKey(problems, window, field, bound, INSTANT);
  }
}

/** Checks `window[key]` against `rule`, naming the field `${field}.${key}`; answers whether it passed. */
function checkKey(
  problems: Problems,
  window: Record<string, unknown>,
  field: string,
  key: string,
  rule: KeyRule,
): boolean {
  return check(problems, rule.accepts(window[key]), `${field}.${key}`, rule.message);
}

function isTimeOfDay(value: unknown): boolean {
  return typeof value === 'string' && TIME_OF_DAY.test(value);
}

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
