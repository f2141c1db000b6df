// The service's urgency rule as the engine reads it. Same shapes as the directory's stored rule
// (libs/contracts directory/urgency-rule.ts), declared here because a domain library imports no contracts.

/** High pages at once and escalates; low notifies (by the person's low-urgency rules) and never escalates. */
export type Urgency = 'high' | 'low';

/** An alert's severity, as the incident carries it. */
export type AlertSeverity = 'critical' | 'high' | 'warning' | 'info';

/** Every incident of the service gets the same urgency. */
export interface ConstantUrgencyRule {
  kind: 'constant';
  urgency: Urgency;
}

/** Critical and high alerts open high-urgency incidents; warning and info open low ones. */
export interface SeverityBasedUrgencyRule {
  kind: 'severity-based';
}

/**
 * One urgency inside the support hours, another outside. `days` are ISO weekdays (1 = Monday … 7 =
 * Sunday) on which a window starts; `start`/`end` are local `HH:mm` in `timeZone`; an `end` at or before
 * `start` runs past midnight into the next day.
 */
export interface SupportHoursUrgencyRule {
  kind: 'support-hours';
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  during: Urgency;
  outside: Urgency;
}

export type UrgencyRule = ConstantUrgencyRule | SeverityBasedUrgencyRule | SupportHoursUrgencyRule;
