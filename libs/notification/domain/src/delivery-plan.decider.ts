import type { Urgency } from '@oncall/incident-domain';
import { deliveryIdempotencyKey } from './delivery-idempotency';
import {
  ContactMethod,
  ContactMethodType,
  DELIVERABLE_CONTACT_METHOD_TYPES,
  Instant,
  NotificationRules,
  NotificationRuleStep,
  PageRequest,
} from './notification.types';

/** Why a rule step sends nothing. */
export type SkipReason =
  'method-not-found' | 'method-disabled' | 'method-unverified' | 'channel-not-deliverable';

export interface SkippedRuleStep extends NotificationRuleStep {
  readonly reason: SkipReason;
}

/** One send to perform at `dueAt` (now or later), recorded under `idempotencyKey`. */
export interface PlannedDelivery {
  readonly idempotencyKey: string;
  readonly orgId: string;
  readonly incidentId: string;
  readonly userId: string;
  readonly level: number;
  readonly cycle: number;
  readonly urgency: Urgency;
  readonly contactMethodId: string;
  readonly channel: ContactMethodType;
  readonly address: string;
  readonly delayMinutes: number;
  /** When the page was requested; an acknowledgement after it ends this page's rules. */
  readonly requestedAt: Instant;
  readonly dueAt: Instant;
}

/**
 * `planned`: the sends, in due order; `fallback` when no rule step was usable and every usable method is
 * notified at once instead. `no-contact-method`: the person cannot be reached at all (to be recorded on
 * the incident so the gap is visible).
 */
export type DeliveryPlan =
  | {
      readonly outcome: 'planned';
      readonly deliveries: PlannedDelivery[];
      readonly skipped: SkippedRuleStep[];
      readonly fallback: boolean;
    }
  | { readonly outcome: 'no-contact-method'; readonly skipped: SkippedRuleStep[] };

/**
 * Turns one page into the person's sends for its urgency. A step whose method is missing, disabled,
 * unverified or of a channel not delivered yet is skipped with its reason. A page must never wait
 * silently, so when no step is usable the person's usable methods are all notified at once.
 */
export function planDeliveries(
  request: PageRequest,
  methods: readonly ContactMethod[],
  rules: NotificationRules,
  accountEmail: string | null,
): DeliveryPlan {
  const ownMethods = new Map(
    methods.filter((method) => method.userId === request.userId).map((method) => [method.id, method]),
  );
  const skipped: SkippedRuleStep[] = [];
  const usableSteps: UsableStep[] = [];
  for (const step of rules[request.urgency]) {
    const checked = checkStep(step, ownMethods.get(step.contactMethodId), accountEmail);
    if ('reason' in checked) skipped.push(checked);
    else usableSteps.push(checked);
  }
  if (usableSteps.length > 0) {
    return { outcome: 'planned', deliveries: toDeliveries(request, usableSteps), skipped, fallback: false };
  }
  const fallbackSteps = [...ownMethods.values()]
    .filter((method) => unusableReason(method, accountEmail) === null)
    .map((method) => ({ step: { contactMethodId: method.id, delayMinutes: 0 }, method }));
  if (fallbackSteps.length === 0) return { outcome: 'no-contact-method', skipped };
  return { outcome: 'planned', deliveries: toDeliveries(request, fallbackSteps), skipped, fallback: true };
}

/**
 * A method is verified when confirmed, or when it is the person's account email: the identity provider
 * already proved that address belongs to them.
 */
export function isEffectivelyVerified(method: ContactMethod, accountEmail: string | null): boolean {
  if (method.verified) return true;
  return method.type === 'email' && accountEmail !== null && sameEmail(method.address, accountEmail);
}

interface UsableStep {
  readonly step: NotificationRuleStep;
  readonly method: ContactMethod;
}

function checkStep(
  step: NotificationRuleStep,
  method: ContactMethod | undefined,
  accountEmail: string | null,
): UsableStep | SkippedRuleStep {
  if (!method) return { ...step, reason: 'method-not-found' };
  const reason = unusableReason(method, accountEmail);
  return reason ? { ...step, reason } : { step, method };
}

function unusableReason(method: ContactMethod, accountEmail: string | null): SkipReason | null {
  if (!method.enabled) return 'method-disabled';
  if (!isEffectivelyVerified(method, accountEmail)) return 'method-unverified';
  if (!DELIVERABLE_CONTACT_METHOD_TYPES.includes(method.type)) return 'channel-not-deliverable';
  return null;
}

function toDeliveries(request: PageRequest, steps: readonly UsableStep[]): PlannedDelivery[] {
  const requestedAtMs = Date.parse(request.requestedAt);
  if (Number.isNaN(requestedAtMs))
    throw new RangeError(`requestedAt is not an instant: ${request.requestedAt}`);
  const byKey = new Map<string, PlannedDelivery>();
  for (const { step, method } of steps) {
    const { incidentId, orgId, userId, level, cycle, urgency } = request;
    const idempotencyKey = deliveryIdempotencyKey({ ...request, ...step });
    if (byKey.has(idempotencyKey)) continue;
    byKey.set(idempotencyKey, {
      idempotencyKey,
      orgId,
      incidentId,
      userId,
      level,
      cycle,
      urgency,
      contactMethodId: method.id,
      channel: method.type,
      address: method.address,
      delayMinutes: step.delayMinutes,
      requestedAt: request.requestedAt,
      dueAt: new Date(requestedAtMs + step.delayMinutes * 60_000).toISOString(),
    });
  }
  return [...byKey.values()].sort((a, b) => a.delayMinutes - b.delayMinutes);
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
