/** How urgent a service's new incidents are: high pages at once, low may wait (per the person's rules). */
export const SERVICE_URGENCIES = ['high', 'low'] as const;
export type ServiceUrgency = (typeof SERVICE_URGENCIES)[number];

export const URGENCY_RULE_KINDS = ['constant', 'severity-based', 'support-hours'] as const;
export type UrgencyRuleKind = (typeof URGENCY_RULE_KINDS)[number];

/** Every incident of the service gets the same urgency. */
export interface ConstantUrgencyRule {
  kind: 'constant';
  urgency: ServiceUrgency;
}

/** Alerts of severity critical or high open high-urgency incidents; warning and info open low ones. */
export interface SeverityBasedUrgencyRule {
  kind: 'severity-based';
}

/**
 * One urgency inside the support hours, another outside. `days` are ISO weekdays (1 = Monday ... 7 = Sunday)
 * on which the window starts; `start`/`end` are local `HH:mm` in `timeZone`. An `end` at or before `start`
 * means the window runs past midnight into the next day.
 */
export interface SupportHoursUrgencyRule {
  kind: 'support-hours';
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  during: ServiceUrgency;
  outside: ServiceUrgency;
}

export type UrgencyRule = ConstantUrgencyRule | SeverityBasedUrgencyRule | SupportHoursUrgencyRule;

export const DEFAULT_URGENCY_RULE: UrgencyRule = { kind: 'constant', urgency: 'high' };

/**
 * The urgency to use when the rule is not evaluated per alert: the constant one, else high, so a consumer
 * that does not (yet) evaluate severity or support hours pages rather than waits.
 */
export function defaultUrgencyOf(rule: UrgencyRule): ServiceUrgency {
  return rule.kind === 'constant' ? rule.urgency : 'high';
}
