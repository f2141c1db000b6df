import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { Queries, RpcErrorCodes, ScheduleIdRequest, ScheduleView } from '@oncall/contracts';
import { MessageBus, RpcError } from '@oncall/platform-messaging';
import { problem, RequestContext, rpcContextOf } from '@oncall/platform-runtime';

/**
 * Does a schedule exist in the caller's organization? Scheduling owns schedules, so it is asked
 * (`Queries.scheduling.getSchedule`). When scheduling does not answer, the policy is refused with 503:
 * a policy paging a schedule that may not exist would page nobody, and skipping the check would hide it.
 */
@Injectable()
export class ScheduleExistenceCheck {
  constructor(private readonly bus: MessageBus) {}

  /** The ids, of those given, that are not schedules of the caller's organization. */
  async missing(caller: RequestContext, scheduleIds: string[]): Promise<string[]> {
    const unique = [...new Set(scheduleIds)];
    const found = await Promise.all(unique.map((scheduleId) => this.exists(caller, scheduleId)));
    return unique.filter((_, index) => !found[index]);
  }

  private async exists(caller: RequestContext, scheduleId: string): Promise<boolean> {
    try {
      await this.bus.rpc.request<ScheduleView, ScheduleIdRequest>(
        Queries.scheduling.getSchedule,
        { scheduleId },
        rpcContextOf(caller),
      );
      return true;
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      if (error.code === RpcErrorCodes.notFound) return false;
      if (error.code === RpcErrorCodes.unavailable) {
        throw new ServiceUnavailableException(
          problem(
            503,
            'Schedule targets cannot be checked right now: the scheduling service is not answering. ' +
              'Nothing was saved; try again in a moment.',
            { code: 'SCHEDULING_UNAVAILABLE' },
          ),
        );
      }
      throw error;
    }
  }
}
