import { Injectable } from '@nestjs/common';
import { RpcContext, SchedulingActor } from '@oncall/contracts';
import { MessageBus, RpcError } from '@oncall/platform-messaging';
import { badRequestFor } from '@oncall/platform-runtime';
import { RequestContext } from '../directory/shared/request-context';

/**
 * Requests to the services that own schedules and policies, for the caller's organization. A refusal
 * keeps its code (the global filter maps it to a status); a validation refusal keeps the fields at fault,
 * named as the API names them everywhere (`layers.0.end`), so a check made in scheduling reads like one
 * made here.
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
    try {
      return await this.bus.rpc.request<TAnswer>(subject, data, contextOf(caller), timeoutMs);
    } catch (error) {
      throw withFieldErrors(error);
    }
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

/** The engine's `layers[0].end` as the validation pipe names fields: `layers.0.end`. */
export function apiField(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

function withFieldErrors(error: unknown): unknown {
  if (!(error instanceof RpcError) || error.code !== 'VALIDATION_FAILED') return error;
  const errors = error.details?.errors;
  if (!Array.isArray(errors)) return error;
  return badRequestFor(
    (errors as { field: string; message: string }[]).map(({ field, message }) => ({
      field: apiField(field),
      message: `${apiField(field)} ${message}`,
    })),
  );
}
