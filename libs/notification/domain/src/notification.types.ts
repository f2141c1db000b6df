import type { Urgency } from '@oncall/incident-domain';

/** ISO-8601 UTC instant, always supplied by the caller (no clock in this library). */
export type Instant = string;

export const CONTACT_METHOD_TYPES = ['email', 'slack', 'sms', 'phone', 'push'] as const;
export type ContactMethodType = (typeof CONTACT_METHOD_TYPES)[number];

/**
 * Channels the platform can deliver today. SMS, phone and push are stored (so adding their delivery
 * migrates no user data) but a rule step pointing at them is skipped with a reason.
 */
export const DELIVERABLE_CONTACT_METHOD_TYPES: readonly ContactMethodType[] = ['email', 'slack'];

/** Where a person can be reached: an email address, a Slack incoming-webhook URL, an E.164 number, a push token. */
export interface ContactMethod {
  readonly id: string;
  readonly userId: string;
  readonly type: ContactMethodType;
  readonly address: string;
  readonly verified: boolean;
  readonly enabled: boolean;
}

/** One step of a person's rules: notify through this contact method `delayMinutes` after the page. */
export interface NotificationRuleStep {
  readonly contactMethodId: string;
  readonly delayMinutes: number;
}

/** A person's rules for each urgency; a step list is ordered by delay. */
export type NotificationRules = Readonly<Record<Urgency, readonly NotificationRuleStep[]>>;

export const NOTIFICATION_RULE_LIMITS = {
  minDelayMinutes: 0,
  /** One day, as for escalation steps: a later reminder belongs to the escalation policy. */
  maxDelayMinutes: 1440,
  maxStepsPerUrgency: 10,
} as const;

/** One page from the escalation engine (`NotifyRequested`): this person, for this level and cycle. */
export interface PageRequest {
  readonly incidentId: string;
  readonly orgId: string;
  readonly userId: string;
  /** The escalation walk the page belongs to (ADR 0100); part of every delivery's idempotency key. */
  readonly generation?: number;
  readonly level: number;
  readonly cycle: number;
  readonly urgency: Urgency;
  readonly requestedAt: Instant;
}

/** One readable reason an input is refused; `path` points at the field, e.g. `high[1].delayMinutes`. */
export interface NotificationProblem {
  readonly path: string;
  readonly message: string;
}
