import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  COVERAGE_GAP_DETECTED,
  CoverageGapDetected,
  MessageEnvelope,
  NotificationConsumers,
  schedulingEventSubject,
  Streams,
  UserState,
} from '@oncall/contracts';
import { planDeliveries } from '@oncall/notification-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { DurableEventPattern } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { loadMethodRows, toContactMethod } from '../contact-methods/contact-method.store';
import { insertDeliveries, NewDelivery } from '../delivery/delivery.store';
import { DeliverySender } from '../delivery/delivery-sender.worker';
import type { CoverageGapEmailView } from '../email/email.types';
import { NotificationConfig, publicUrlOf } from '../notification.config';
import { noticeRules } from '../pages/page-planner';
import { AccountProvisioner } from '../people/account-provisioner';
import { PeopleDirectory } from '../people/people.directory';

/**
 * A schedule will have nobody on call (scheduling's daily scan): the organization's active managers are
 * emailed, each in their own time zone, naming the schedule, the window and the services affected. One
 * email per manager and gap, however often the event is delivered.
 */
@Controller()
export class CoverageGapConsumer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
    private readonly accounts: AccountProvisioner,
    private readonly sender: DeliverySender,
    private readonly config: NotificationConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @DurableEventPattern(
    schedulingEventSubject(COVERAGE_GAP_DETECTED),
    Streams.scheduling,
    NotificationConsumers.coverageGaps,
  )
  async handle(@Payload() envelope: MessageEnvelope<string, CoverageGapDetected>): Promise<void> {
    const { data, metadata } = envelope;
    await this.people.ready();
    const managers = this.people.managers(metadata.orgId);
    if (managers.length === 0) {
      this.logger.warn(
        { orgId: metadata.orgId, scheduleId: data.scheduleId },
        'A coverage gap, and no manager to tell',
      );
      return;
    }
    const now = this.clock.now();
    const queued = await this.dataSource.transaction(async (tx) => {
      let count = 0;
      for (const manager of managers) count += await this.queueFor(tx, manager, data, now);
      return count;
    });
    if (queued > 0) this.sender.poke();
  }

  private async queueFor(
    tx: EntityManager,
    manager: UserState,
    gap: CoverageGapDetected,
    now: Date,
  ): Promise<number> {
    const { orgId, userId } = manager;
    await this.accounts.ensure(tx, { orgId, userId, email: manager.email });
    const methods = await loadMethodRows(tx, orgId, userId);
    const request = { incidentId: gap.scheduleId, orgId, userId, level: 0, cycle: 0, urgency: 'high' as const, requestedAt: now.toISOString() }; // prettier-ignore
    const plan = planDeliveries(request, methods.map(toContactMethod), noticeRules(methods), manager.email);
    const emails =
      plan.outcome === 'planned' ? plan.deliveries.filter((planned) => planned.channel === 'email') : [];
    const content = this.viewFor(manager, gap) as unknown as Record<string, unknown>;
    const deliveries: NewDelivery[] = emails.map((planned) => ({
      id: randomUUID(),
      idempotencyKey: ['gap', orgId, gap.scheduleId, gap.start, gap.end, userId, planned.contactMethodId].map(encodeURIComponent).join(':'), // prettier-ignore
      orgId,
      userId,
      kind: 'coverage-gap',
      channel: 'email',
      contactMethodId: planned.contactMethodId,
      address: planned.address,
      requestedAt: now.toISOString(),
      dueAt: now.toISOString(),
      status: 'ready',
      content,
    }));
    return (await insertDeliveries(tx, deliveries, now)).length;
  }

  private viewFor(manager: UserState, gap: CoverageGapDetected): CoverageGapEmailView {
    const publicUrl = publicUrlOf(this.config);
    return {
      schedule: { id: gap.scheduleId, name: gap.scheduleName, url: `${publicUrl}/on-call` },
      gap: { start: gap.start, end: gap.end },
      timeZone: manager.timeZone,
      affectedServices: gap.affectedServices.map((service) => ({ name: service.name })),
      affectedServicesKnown: gap.affectedServicesKnown,
    };
  }
}
