import { isInstant } from './instant';
import type { Layer, Restriction, Rotation } from './schedule.types';
import { isLocalDateTime, isTimeOfDay } from './wall-clock';
import { isKnownTimeZone } from './zone-offsets';

/** One readable reason a schedule definition is unusable; `path` points at the offending field. */
export interface ScheduleProblem {
  readonly path: string;
  readonly message: string;
}

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export function validateLayer(layer: Layer, path: string): ScheduleProblem[] {
  const restrictions = Array.isArray(layer.restrictions)
    ? layer.restrictions.flatMap((restriction, i) =>
        validateRestriction(restriction, `${path}.restrictions[${i}]`),
      )
    : [{ path: `${path}.restrictions`, message: 'must be a list (empty = 24/7)' }];
  return [
    ...validateMembers(layer, path),
    ...validateRotation(layer.rotation, `${path}.rotation`),
    ...validateTiming(layer, path),
    ...restrictions,
  ];
}

function validateMembers(layer: Layer, path: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!isNonEmptyString(layer.id))
    problems.push({ path: `${path}.id`, message: 'must be a non-empty string' });
  if (layer.timeZone !== undefined && !isTimeZone(layer.timeZone)) {
    problems.push({ path: `${path}.timeZone`, message: `unknown time zone "${String(layer.timeZone)}"` });
  }
  if (!Array.isArray(layer.participants)) {
    return [...problems, { path: `${path}.participants`, message: 'must be a list of user ids' }];
  }
  layer.participants.forEach((userId, i) => {
    if (!isNonEmptyString(userId)) {
      problems.push({ path: `${path}.participants[${i}]`, message: 'must be a non-empty user id' });
    }
  });
  return problems;
}

function validateTiming(layer: Layer, path: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const report = (field: string, message: string) => problems.push({ path: `${path}.${field}`, message });
  if (!isLocalDateTime(layer.handoffAnchor)) {
    report(
      'handoffAnchor',
      `must be a local date-time 'YYYY-MM-DDTHH:mm', got "${String(layer.handoffAnchor)}"`,
    );
  }
  if (!isInstant(layer.start)) report('start', `must be an ISO-8601 instant, got "${String(layer.start)}"`);
  if (layer.end === undefined || layer.end === null) return problems;
  if (!isInstant(layer.end)) report('end', `must be an ISO-8601 instant or null, got "${String(layer.end)}"`);
  else if (isInstant(layer.start) && Date.parse(layer.end) <= Date.parse(layer.start)) {
    report('end', `must be after start (${layer.start}), got ${layer.end}`);
  }
  return problems;
}

function validateRotation(rotation: Rotation, path: string): ScheduleProblem[] {
  switch (rotation?.kind) {
    case 'daily':
      return rotation.days === undefined ? [] : positiveInteger(rotation.days, `${path}.days`);
    case 'weekly':
      return rotation.weeks === undefined ? [] : positiveInteger(rotation.weeks, `${path}.weeks`);
    case 'custom': {
      const unit: ScheduleProblem[] = ['hours', 'days'].includes(rotation.unit)
        ? []
        : [{ path: `${path}.unit`, message: `must be 'hours' or 'days', got "${String(rotation.unit)}"` }];
      return [...unit, ...positiveInteger(rotation.length, `${path}.length`)];
    }
    default:
      return [{ path: `${path}.kind`, message: "must be 'daily', 'weekly' or 'custom'" }];
  }
}

function validateRestriction(restriction: Restriction, path: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (restriction?.kind !== 'daily' && restriction?.kind !== 'weekly') {
    return [{ path: `${path}.kind`, message: "must be 'daily' or 'weekly'" }];
  }
  if (!isTimeOfDay(restriction.startTime)) {
    problems.push({
      path: `${path}.startTime`,
      message: `must be 'HH:mm', got "${String(restriction.startTime)}"`,
    });
  }
  const longest = restriction.kind === 'daily' ? MINUTES_PER_DAY : MINUTES_PER_WEEK;
  const duration = restriction.durationMinutes;
  if (!Number.isInteger(duration) || duration < 1 || duration > longest) {
    problems.push({
      path: `${path}.durationMinutes`,
      message: `must be a whole number from 1 to ${longest}, got ${duration}`,
    });
  }
  if (restriction.kind === 'weekly') {
    const day = restriction.startDayOfWeek;
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      problems.push({
        path: `${path}.startDayOfWeek`,
        message: `must be 1 (Monday) to 7 (Sunday), got ${day}`,
      });
    }
  }
  return problems;
}

function positiveInteger(value: unknown, path: string): ScheduleProblem[] {
  return Number.isInteger(value) && (value as number) >= 1
    ? []
    : [{ path, message: `must be a whole number of at least 1, got ${String(value)}` }];
}

export function isTimeZone(value: unknown): boolean {
  return isNonEmptyString(value) && isKnownTimeZone(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
