import { Injectable } from '@nestjs/common';
import { NOTIFICATION_FAILED, NotifyRequested, UserState } from '@oncall/contracts';
import {
  NotificationRules,
  PageRequest,
  planDeliveries,
  PlannedDelivery,
  SkippedRuleStep,
} from '@oncall/notification-domain';
import { enqueueOutboxMessages } from '@oncall/platform-outbox';
import { scheduleTimers } from '@oncall/platform-timers';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ContactMethodRow,
  loadMethodRows,
  loadRules,
  toContactMethod,
} from '../contact-methods/contact-method.store';
import { attemptEvent } from '../delivery/attempt-events';
import { DeliveryTimers, releaseDelivery } from '../delivery/delivery-release';
import { insertDeliveries, NewDelivery } from '../delivery/delivery.store';
import { NotificationConfig } from '../notification.config';
import { AccountProvisioner } from '../people/account-provisioner';
import { PeopleDirectory } from '../people/people.directory';
import { deterministicUuid } from '../shared/deterministic-id';
import { PageRow, pagedSoFar, recordOutcome, recordPage } from './page.store';

/** Timer of a page whose person the users copy did not know yet: planned again shortly. Key: page id. */
export const PLAN_PAGE_TIMER = 'page-plan';
/** How long a page waits for its person to appear in the users copy before it is given up. */
const WAIT_FOR_PERSON_MS = 60 * 60_000;

export type PlanOutcome = 'duplicate' | 'waiting-for-person' | 'planned' | 'no-contact-method';

/**
 * Turns a page request into deliveries, in the caller's transaction: recorded once by page id, planned
 * with the person's rules for its urgency (an unanswered notice: their email methods, at once), each
 * delivery unique by its idempotency key. Those due now are released at once; later ones wait on timers.
 */
@Injectable()
export class PagePlanner {
  constructor(
    private readonly people: PeopleDirectory,
    private readonly accounts: AccountProvisioner,
    private readonly config: NotificationConfig,
  ) {}

  async accept(
    tx: EntityManager,
    request: NotifyRequested,
    correlationId: string | null,
    now: Date,
  ): Promise<PlanOutcome> {
    await this.people.ready();
    const page = await recordPage(tx, request, correlationId, now);
    if (!page) return 'duplicate';
    return this.plan(tx, page, now);
  }

  /**
   * Plans a recorded page. A person the copy does not know yet (created a moment ago, their view still on
   * its way) is tried again by a timer, backing off to a minute, for an hour; then the page is recorded as
   * unreachable on the incident.
   */
  async plan(tx: EntityManager, page: PageRow, now: Date, retry = 0): Promise<PlanOutcome> {
    await this.people.ready();
    const person = this.people.person(page.org_id, page.user_id);
    if (!person) {
      if (now.getTime() - page.requested_at.getTime() > WAIT_FOR_PERSON_MS) {
        await recordOutcome(tx, page.page_id, 'unknown-person', []);
        await enqueueOutboxMessages(tx, [unreachable(page, [], now)]);
        return 'no-contact-method';
      }
      const dueAt = new Date(now.getTime() + Math.min(60_000, 1_000 * 2 ** retry));
      await scheduleTimers(tx, [
        {
          kind: PLAN_PAGE_TIMER,
          key: page.page_id,
          orgId: page.org_id,
          dueAt,
          payload: { retry: retry + 1 },
        },
      ]);
      return 'waiting-for-person';
    }
    await this.accounts.ensure(tx, { orgId: page.org_id, userId: page.user_id, email: person.email });
    const methods = await loadMethodRows(tx, page.org_id, page.user_id);
    const rules =
      page.kind === 'page' ? await loadRules(tx, page.org_id, page.user_id, methods) : noticeRules(methods);
    const plan = planDeliveries(requestOf(page), methods.map(toContactMethod), rules, person.email);
    if (plan.outcome === 'no-contact-method') {
      await recordOutcome(tx, page.page_id, 'no-contact-method', plan.skipped);
      await enqueueOutboxMessages(tx, [unreachable(page, plan.skipped, now)]);
      return 'no-contact-method';
    }
    await recordOutcome(tx, page.page_id, plan.fallback ? 'fallback' : 'planned', plan.skipped);
    const content = page.kind === 'unanswered' ? await this.unansweredContent(tx, page) : {};
    const inserted = await insertDeliveries(
      tx,
      plan.deliveries.map((planned) => deliveryOf(page, planned, content)),
      now,
    );
    for (const delivery of inserted) {
      if (delivery.due_at.getTime() <= now.getTime()) {
        await releaseDelivery(tx, delivery, now, this.config.NOTIFY_DIGEST_THRESHOLD);
      } else {
        await scheduleTimers(tx, [
          { kind: DeliveryTimers.due, key: delivery.id, orgId: delivery.org_id, groupKey: delivery.incident_id ?? undefined, dueAt: delivery.due_at, payload: {} },
        ]); // prettier-ignore
      }
    }
    return 'planned';
  }

  private async unansweredContent(tx: EntityManager, page: PageRow): Promise<Record<string, unknown>> {
    const paged = await pagedSoFar(tx, page.org_id, page.incident_id);
    const names = paged.userIds.map((userId) => nameOf(this.people.person(page.org_id, userId), userId));
    return { pagedPeople: names, cycles: Math.max(paged.cycles, page.cycle ?? 1) };
  }
}

function requestOf(page: PageRow): PageRequest {
  return {
    incidentId: page.incident_id,
    orgId: page.org_id,
    userId: page.user_id,
    generation: page.generation,
    level: page.level ?? 0,
    cycle: page.cycle ?? 0,
    urgency: page.urgency,
    requestedAt: page.requested_at.toISOString(),
  };
}

/** A manager's notice goes to their email methods at once (or any usable method, by the plan's fallback). */
export function noticeRules(methods: readonly ContactMethodRow[]): NotificationRules {
  const steps = methods
    .filter((method) => method.type === 'email' && method.enabled)
    .map((method) => ({ contactMethodId: method.id, delayMinutes: 0 }));
  return { high: steps, low: steps };
}

function deliveryOf(page: PageRow, planned: PlannedDelivery, content: Record<string, unknown>): NewDelivery {
  const notice = page.kind === 'unanswered';
  return {
    id: randomUUID(),
    // A notice is one per request (an incident may be unanswered again after a manual escalation).
    idempotencyKey: notice ? `unanswered:${page.page_id}:${planned.contactMethodId}` : planned.idempotencyKey,
    orgId: page.org_id,
    userId: page.user_id,
    kind: page.kind,
    pageId: page.page_id,
    incidentId: page.incident_id,
    channel: planned.channel,
    contactMethodId: planned.contactMethodId,
    address: planned.address,
    throttleKey: notice ? undefined : `${page.org_id}:${page.user_id}:${planned.contactMethodId}`,
    requestedAt: planned.requestedAt,
    dueAt: planned.dueAt,
    status: 'scheduled',
    content,
  };
}

/** The person cannot be reached at all: said on the incident's timeline, so the gap is seen. */
function unreachable(page: PageRow, skipped: readonly SkippedRuleStep[], now: Date) {
  const reasons = skipped.map(
    (step) => `${step.contactMethodId} at ${step.delayMinutes} min: ${step.reason}`,
  );
  return attemptEvent(
    NOTIFICATION_FAILED,
    {
      deliveryId: deterministicUuid(`unreachable:${page.page_id}`),
      pageId: page.page_id,
      incidentId: page.incident_id,
      orgId: page.org_id,
      userId: page.user_id,
      channel: 'email',
      maskedAddress: 'no usable contact method',
      attempt: 1,
      providerResponse: `no-contact-method${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`,
      latencyMs: null,
      at: now.toISOString(),
      final: true,
    },
    page.correlation_id,
  );
}

function nameOf(person: UserState | undefined, userId: string): string {
  return person?.name ?? userId;
}
