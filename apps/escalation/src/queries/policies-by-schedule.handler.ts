import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PoliciesByScheduleAnswer, PoliciesByScheduleQuery, Queries, RpcRequest } from '@oncall/contracts';
import { stepNumbersBySchedule } from '@oncall/escalation-domain';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { validationFailed } from '../policies/policy-requests';
import { toPolicyView } from '../policies/policy-row';

const MAX_SCHEDULES = 1000;

/**
 * Which policies page each schedule, and at which steps (scheduling's on-call-now view and coverage-gap
 * reports ask). Every requested schedule is a key of the answer, [] when no policy pages it.
 */
@Controller()
export class PoliciesByScheduleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
  ) {}

  @MessagePattern(Queries.escalation.policiesBySchedule)
  async handle(@Payload() request: RpcRequest<PoliciesByScheduleQuery>): Promise<PoliciesByScheduleAnswer> {
    const { orgId } = organizationContextOf(request);
    const scheduleIds = scheduleIdsOf(request.data?.scheduleIds);
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
