import { Injectable } from '@nestjs/common';
import { RpcContext } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { RequestContext, rpcContextOf } from '@oncall/platform-runtime';

/**
 * Requests to the services that own schedules and policies, for the caller's organization. A refusal
 * keeps its code and the fields at fault; the global filter answers it as problem+json.
 */
@Injectable()
export class BusRequests {
  constructor(private readonly bus: MessageBus) {}

  async ask<TAnswer>(
    caller: RequestContext | RpcContext,
    subject: string,
    data: unknown,
    timeoutMs?: number,
  ): Promise<TAnswer> {
    return this.bus.rpc.request<TAnswer>(subject, data, rpcContextOf(caller), timeoutMs);
  }
}
