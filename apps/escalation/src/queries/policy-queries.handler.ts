import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  EscalationPolicyPage,
  EscalationPolicyView,
  GetEscalationPolicyQuery,
  ListEscalationPoliciesQuery,
  PoliciesByScheduleAnswer,
  PoliciesByScheduleQuery,
  Queries,
} from '@oncall/contracts';
import { stepNumbersBySchedule } from '@oncall/escalation-domain';
import { OrgRequest } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { policyIdOf, policyNotFound, validationFailed } from '../policies/policy-requests';
import { toPolicyView } from '../policies/policy-row';
import { decodePolicyCursor, encodePolicyCursor } from './policy-cursor';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const MAX_SCHEDULES = 1000;

/** Policy queries, always scoped to the organization of the request's context. */
@Controller()
export class PolicyQueriesHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
  ) {}

  /** One policy of the caller's organization; another organization's is NOT_FOUND, like a missing one. */
  @MessagePattern(Queries.escalation.getPolicy)
  async getPolicy(
    @OrgRequest() { orgId, data }: OrgRequest<GetEscalationPolicyQuery>,
  ): Promise<EscalationPolicyView> {
    const policyId = policyIdOf(data?.policyId);
    const row = await this.store.find(this.dataSource.manager, orgId, policyId);
    if (!row) throw policyNotFound(policyId);
    return toPolicyView(row);
  }

  /** The policies of the caller's organization, oldest first, a page at a time. */
  @MessagePattern(Queries.escalation.listPolicies)
  async listPolicies(
    @OrgRequest() { orgId, data }: OrgRequest<ListEscalationPoliciesQuery>,
  ): Promise<EscalationPolicyPage> {
    const limit = data?.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw validationFailed([{ path: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` }]);
    }
    const after = data?.cursor ? decodePolicyCursor(data.cursor) : null;
    const rows = await this.store.page(this.dataSource.manager, orgId, limit, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toPolicyView),
      nextCursor: rows.length > limit && last ? encodePolicyCursor(last.page_key, last.id) : null,
    };
  }

  /**
   * Which policies page each schedule, and at which steps (scheduling's on-call-now view and coverage-gap
   * reports ask). Every requested schedule is a key of the answer, [] when no policy pages it.
   */
  @MessagePattern(Queries.escalation.policiesBySchedule)
  async policiesBySchedule(
    @OrgRequest() { orgId, data }: OrgRequest<PoliciesByScheduleQuery>,
  ): Promise<PoliciesByScheduleAnswer> {
    const scheduleIds = scheduleIdsOf(data?.scheduleIds);
    const answer: PoliciesByScheduleAnswer = Object.fromEntries(scheduleIds.map((id) => [id, []]));
    if (scheduleIds.length === 0) return answer;
    // Targets are stored in lower case; the answer is keyed by the ids as they were asked.
    const asked = new Map(scheduleIds.map((id) => [id.toLowerCase(), id]));
    const rows = await this.store.usingSchedules(this.dataSource.manager, orgId, [...asked.keys()]);
    for (const policy of rows.map(toPolicyView)) {
      for (const [scheduleId, stepNumbers] of stepNumbersBySchedule(policy)) {
        const key = asked.get(scheduleId);
        if (key !== undefined) answer[key].push({ policyId: policy.id, name: policy.name, stepNumbers });
      }
    }
    return answer;
  }
}

function scheduleIdsOf(value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    value.length > MAX_SCHEDULES ||
    !value.every((id) => typeof id === 'string' && id.length > 0)
  ) {
    throw validationFailed([
      { path: 'scheduleIds', message: `must be a list of up to ${MAX_SCHEDULES} schedule ids` },
    ]);
  }
  return [...new Set(value as string[])];
}
