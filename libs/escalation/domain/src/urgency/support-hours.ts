import { localDateTimeAt, resolveLocalDateTime } from '@oncall/scheduling-domain';
import { addDays, isoWeekdayOf } from '@oncall/shared-time';
import type { Instant } from '../instant';
import type { SupportHoursUrgencyRule, UrgencyRule } from './urgency-rule.types';

// Any weekday recurs within a week, so the windows starting today and the next 7 days hold the next start.
const DAYS_TO_SEARCH = 8;

interface Window {
  readonly start: number;
  readonly end: number;
}

/** Whether `at` falls in one of the rule's windows (a window is half-open: [start, end)). */
export function isWithinSupportHours(hours: SupportHoursUrgencyRule, at: Instant): boolean {
  const now = Date.parse(at);
  const today = localDateOf(at, hours.timeZone);
  // A window that wraps past midnight started on the previous local day.
  return [addDays(today, -1), today].some((date) => {
    const window = windowStartingOn(hours, date);
    return window !== null && window.start <= now && now < window.end;
  });
}

/**
 * The first instant at or after `at` at which a support-hours window starts; null when the rule has no
 * support hours or names no day. Local times are resolved like schedule handoffs (ADR 0020, rule 6): a start skipped by a
 * spring-forward gap begins at the transition; a start repeated by a fall-back at its first occurrence.
 */
export function nextSupportHoursStart(rule: UrgencyRule, at: Instant): Instant | null {
  if (rule.kind !== 'support-hours') return null;
  const hours = rule;
  const now = Date.parse(at);
  const today = localDateOf(at, hours.timeZone);
  for (let offset = 0; offset < DAYS_TO_SEARCH; offset++) {
    const window = windowStartingOn(hours, addDays(today, offset));
    if (window !== null && window.start >= now) return new Date(window.start).toISOString();
  }
  return null;
}

function windowStartingOn(hours: SupportHoursUrgencyRule, date: string): Window | null {
  if (!hours.days.includes(isoWeekdayOf(date))) return null;
  const endDate = hours.end <= hours.start ? addDays(date, 1) : date;
  return {
    start: resolveLocalDateTime(`${date}T${hours.start}`, hours.timeZone).getTime(),
    end: resolveLocalDateTime(`${endDate}T${hours.end}`, hours.timeZone).getTime(),
  };
}

/** 'YYYY-MM-DD' of the zone's calendar at `at`. */
function localDateOf(at: Instant, timeZone: string): string {
  return localDateTimeAt(at, timeZone).slice(0, 10);
}
