import { Injectable } from '@nestjs/common';
import { RpcContext, SchedulingActor } from '@oncall/contracts';
import { MessageBus, RpcError } from '@oncall/platform-messaging';
import { RequestContext } from '../directory/shared/request-context';

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
    return this.bus.rpc.request<TAnswer>(subject, data, contextOf(caller), timeoutMs);
  }
}

export function contextOf(caller: RequestContext | RpcContext): RpcContext {
  return { orgId: caller.orgId, correlationId: caller.correlationId, causationId: null };
}

/** The person acting, as scheduling needs it to apply the technician rules. */
export function actorOf(caller: RequestContext): SchedulingActor {
  const principal = caller.principal;
  // Unreachable behind the token guard; kept so a route opened by mistake fails closed.
  if (!principal) throw new RpcError('FORBIDDEN', 'This change needs a signed-in person.');
  return { userId: principal.userId, name: principal.name, role: principal.role };
}
