import { Get, Inject } from '@nestjs/common';
import { OnCallNowEntry, OnCallNowView, PoliciesByScheduleAnswer, Queries } from '@oncall/contracts';
import { LOGGER, Caller, RequestContext } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { Requires } from '../auth/requires.decorator';
import { BusRequests } from './bus-requests';
import { DirectoryPeople } from './directory-people';
import { toOnCallNowView } from './on-call-now.view';
import { PolicyServices } from './policy-services';
import { SchedulePolicies } from './schedule-policies';
import { ApiController } from '../shared/api-controller.decorator';

/**
 * The live view: every schedule of the organization with who is on call now and next, and the policies
 * and services that page them. Without escalation the view still answers, marked `policiesKnown: false`.
 */
@ApiController('schedules', 'api/v1/on-call')
export class OnCallNowController {
  constructor(
    private readonly requests: BusRequests,
    private readonly policies: SchedulePolicies,
    private readonly services: PolicyServices,
    private readonly people: DirectoryPeople,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @Requires('schedules:read')
  async list(@Caller() caller: RequestContext): Promise<{ items: OnCallNowView[] }> {
    const entries = await this.requests.ask<OnCallNowEntry[]>(caller, Queries.scheduling.onCallNow, {});
    const [policies, people] = await Promise.all([
      this.policiesOf(caller, entries),
      this.people.byId(
        caller.orgId,
        entries.flatMap((entry) => [entry.onCall?.userId, entry.next?.userId]),
      ),
    ]);
    const policyIds = Object.values(policies ?? {}).flatMap((list) => list.map((policy) => policy.policyId));
    const services = await this.services.byPolicy(caller.orgId, [...new Set(policyIds)]);
    return { items: entries.map((entry) => toOnCallNowView(entry, people, policies, services)) };
  }

  private async policiesOf(
    caller: RequestContext,
    entries: OnCallNowEntry[],
  ): Promise<PoliciesByScheduleAnswer | null> {
    try {
      return await this.policies.of(
        caller,
        entries.map((entry) => entry.scheduleId),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'On-call view without policies: escalation did not answer');
      return null;
    }
  }
}
