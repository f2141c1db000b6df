import { HttpStatus, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { PoliciesByScheduleAnswer, Queries, RpcContext } from '@oncall/contracts';
import { problem, RequestContext } from '@oncall/platform-runtime';
import { BusRequests } from './bus-requests';

/** The live view and deletes must not hang on a slow escalation service. */
const ESCALATION_TIMEOUT_MS = 2_000;

/** Which escalation policies page each schedule (escalation owns policies; admin-api only asks). */
@Injectable()
export class SchedulePolicies {
  constructor(private readonly requests: BusRequests) {}

  /** Every asked schedule is a key of the answer; throws when escalation does not answer. */
  of(caller: RequestContext | RpcContext, scheduleIds: string[]): Promise<PoliciesByScheduleAnswer> {
    if (scheduleIds.length === 0) return Promise.resolve({});
    return this.requests.ask<PoliciesByScheduleAnswer>(
      caller,
      Queries.escalation.policiesBySchedule,
      { scheduleIds },
      ESCALATION_TIMEOUT_MS,
    );
  }

  /** For a delete: the policies using the schedule, or 503 when that cannot be known (never delete blindly). */
  async usingOrRefuse(caller: RequestContext, scheduleId: string): Promise<PoliciesByScheduleAnswer[string]> {
    try {
      return (await this.of(caller, [scheduleId]))[scheduleId] ?? [];
    } catch {
      throw new ServiceUnavailableException(
        problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          'The escalation service is not answering, so it cannot be checked whether a policy pages this schedule; ' +
            'nothing was deleted. Try again shortly.',
          { code: 'UNAVAILABLE' },
        ),
      );
    }
  }
}
