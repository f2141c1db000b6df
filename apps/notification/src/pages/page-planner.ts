import { Injectable } from '@nestjs/common';
import { NotifyRequested, UserState } from '@oncall/contracts';
import { NotificationRules, PageRequest, planDeliveries, PlannedDelivery } from '@oncall/notification-domain';
import { enqueueOutboxMessages, OutboxMessage } from '@oncall/platform-outbox';
import { scheduleTimers, TimerSpec } from '@oncall/platform-timers';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ContactMethodRow,
  loadMethodRowsOf,
  loadStoredRulesOf,
  personKey,
  rulesOrDefaults,
  toContactMethod,
} from '../contact-methods/contact-method.store';
import { DeliveryTimers, releaseDeliveries } from '../delivery/delivery-release';
import { insertDeliveries, NewDelivery } from '../delivery/delivery.store';
import { NotificationConfig } from '../notification.config';
import { AccountProvisioner } from '../people/account-provisioner';
import { PeopleDirectory } from '../people/people.directory';
import { PageRow, pagedSoFar, recordOutcomes, recordPages } from './page.store';
import { unreachable } from './unreachable';

/** Timer of a page whose person the users copy did not know yet: planned again shortly. Key: page id. */
export const PLAN_PAGE_TIMER = 'page-plan';
/** How long a page waits for its person to appear in the users copy before it is given up. */
const WAIT_FOR_PERSON_MS = 60 * 60_000;

export interface ReceivedPage {
  request: NotifyRequested;
  correlationId: string | null;
}

/**
 * Turns page requests into deliveries, in the caller's transaction, a few statements per batch: each
 * request recorded once (by page id), planned with the person's rules for its urgency (an unanswered
 * notice: their email methods, at once), each delivery unique by its idempotency key. Those due now are
 * released at once (in request order); later ones wait on timers.
 */
@Injectable()
export class PagePlanner {
  constructor(
    private readonly people: PeopleDirectory,
    private readonly accounts: AccountProvisioner,
    private readonly config: NotificationConfig,
  ) {}

  /** Answers how many pages were new (a redelivered request is recorded already and plans nothing). */
  async accept(tx: EntityManager, received: readonly ReceivedPage[], now: Date): Promise<number> {
    await this.people.ready();
    const pages = await recordPages(tx, received, now);
    await this.plan(tx, pages, now);
    return pages.length;
  }

  /**
   * Plans recorded pages. A person the copy does not know yet (created a moment ago, their view still on
   * its way) is tried again by a timer, backing off to a minute, for an hour; then the page is recorded as
   * unreachable on the incident.
   */
  async plan(tx: EntityManager, pages: readonly PageRow[], now: Date, retry = 0): Promise<void> {
    await this.people.ready();
    const known = pages.flatMap((page) => {
      const person = this.people.person(page.org_id, page.user_id);
      return person ? [{ page, person }] : [];
    });
    await this.waitForPeople(tx, pages.filter((page) => !known.some((entry) => entry.page === page)), now, retry);
    if (known.length === 0) return;
    await this.accounts.ensureAll(tx, known.map(({ person }) => ({ orgId: person.orgId, userId: person.userId, email: person.email }))); // prettier-ignore
    const whom = known.map(({ page }) => ({ orgId: page.org_id, userId: page.user_id }));
    const methods = await loadMethodRowsOf(tx, whom);
    const rules = await loadStoredRulesOf(tx, whom);
    const outcomes: { pageId: string; outcome: string; skipped: unknown }[] = [];
    const events: OutboxMessage[] = [];
    const deliveries: NewDelivery[] = [];
    for (const { page, person } of known) {
      const own = methods.get(personKey(page.org_id, page.user_id)) ?? [];
      const personRules = page.kind === 'page' ? rulesOrDefaults(rules.get(personKey(page.org_id, page.user_id)), own) : noticeRules(own); // prettier-ignore
      const plan = planDeliveries(requestOf(page), own.map(toContactMethod), personRules, person.email);
      if (plan.outcome === 'no-contact-method') {
        outcomes.push({ pageId: page.page_id, outcome: 'no-contact-method', skipped: plan.skipped });
        events.push(unreachable(page, 'no-contact-method', plan.skipped, now));
        continue;
      }
      outcomes.push({ pageId: page.page_id, outcome: plan.fallback ? 'fallback' : 'planned', skipped: plan.skipped });
      const content = page.kind === 'unanswered' ? await this.unansweredContent(tx, page) : {};
      deliveries.push(...plan.deliveries.map((planned) => deliveryOf(page, planned, content)));
    }
    await recordOutcomes(tx, outcomes);
    await enqueueOutboxMessages(tx, events);
    await this.schedule(tx, await insertDeliveries(tx, deliveries, now), now);
  } // prettier-ignore

  private async schedule(
    tx: EntityManager,
    inserted: Awaited<ReturnType<typeof insertDeliveries>>,
    now: Date,
  ) {
    const due = inserted.filter((delivery) => delivery.due_at.getTime() <= now.getTime());
    const later: TimerSpec[] = inserted
      .filter((delivery) => delivery.due_at.getTime() > now.getTime())
      .map((delivery) => ({ kind: DeliveryTimers.due, key: delivery.id, orgId: delivery.org_id, groupKey: delivery.incident_id ?? undefined, dueAt: delivery.due_at, payload: {} })); // prettier-ignore
    await scheduleTimers(tx, later);
    await releaseDeliveries(tx, due, now, this.config.NOTIFY_DIGEST_THRESHOLD);
  }

  private async waitForPeople(tx: EntityManager, pages: readonly PageRow[], now: Date, retry: number) {
    const expired = pages.filter((page) => now.getTime() - page.requested_at.getTime() > WAIT_FOR_PERSON_MS);
    await recordOutcomes(tx, expired.map((page) => ({ pageId: page.page_id, outcome: 'unknown-person', skipped: [] })));
    await enqueueOutboxMessages(tx, expired.map((page) => unreachable(page, 'unknown-person', [], now)));
    const dueAt = new Date(now.getTime() + Math.min(60_000, 1_000 * 2 ** retry));
    await scheduleTimers(
      tx,
      pages
        .filter((page) => !expired.includes(page))
        .map((page) => ({ kind: PLAN_PAGE_TIMER, key: page.page_id, orgId: page.org_id, dueAt, payload: { retry: retry + 1 } })),
    );
  } // prettier-ignore

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

function nameOf(person: UserState | undefined, userId: string): string {
  return person?.name ?? userId;
}
