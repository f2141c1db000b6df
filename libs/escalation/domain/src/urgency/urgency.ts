import type { Instant } from '../instant';
import { isWithinSupportHours, nextSupportHoursStart } from './support-hours';
import type { AlertSeverity, Urgency, UrgencyRule } from './urgency-rule.types';

/** The urgency the service's rule gives an incident of this severity at `at`. */
export function urgencyAt(rule: UrgencyRule, severity: AlertSeverity, at: Instant): Urgency {
  switch (rule.kind) {
    case 'constant':
      return rule.urgency;
    case 'severity-based':
      return severity === 'critical' || severity === 'high' ? 'high' : 'low';
    case 'support-hours':
      return isWithinSupportHours(rule, at) ? rule.during : rule.outside;
  }
}

/**
 * When the first page of an incident triggered at `at` must wait for: the next support-hours start when
 * the rule makes it low urgency outside the hours; null when it pages at once. A rule naming no day
 * never holds (a page must not wait forever).
 */
export function pagingHeldUntil(rule: UrgencyRule, severity: AlertSeverity, at: Instant): Instant | null {
  if (rule.kind !== 'support-hours' || urgencyAt(rule, severity, at) === 'high') return null;
  if (isWithinSupportHours(rule, at)) return null;
  return nextSupportHoursStart(rule, at);
}
