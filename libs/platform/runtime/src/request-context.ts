import { createParamDecorator, ExecutionContext, ForbiddenException } from '@nestjs/common';
import { RpcContext, SchedulingActor } from '@oncall/contracts';
import { Principal } from '@oncall/platform-auth';
import { problem } from './problem-details';
import type { Request } from 'express';

/** Who is acting and which request chain it belongs to; the organization comes from the token only. */
export interface RequestContext {
  orgId: string;
  correlationId: string;
  principal: Principal | null;
  /** Set when the platform acts on its own (just-in-time provisioning, seeding). */
  systemReason?: string;
}

export function requestContextOf(request: Request): RequestContext {
  const principal = (request as Request & { user: Principal }).user;
  const correlationId = (request as Request & { correlationId: string }).correlationId;
  return { orgId: principal.orgId, correlationId, principal };
}

/** `@Caller() caller: RequestContext` in a controller method. */
export const Caller = createParamDecorator((_: unknown, execution: ExecutionContext): RequestContext =>
  requestContextOf(execution.switchToHttp().getRequest<Request>()),
);

/**
 * The bus context of a request to another service: the caller's organization (from the token only, or
 * null for the few requests that name no organization) and its correlation id. The one place it is built.
 */
export function rpcContextOf(caller: RequestContext | RpcContext): RpcContext {
  return { orgId: caller.orgId, correlationId: caller.correlationId, causationId: null };
}

/**
 * The signed-in person making a change, as other services record it (`{userId, name, role}`: scheduling
 * applies the technician rules with it, escalation audits it). Unreachable without a principal behind the
 * token guard; kept so a route opened by mistake fails closed with 403.
 */
export function personActorOf(caller: RequestContext): SchedulingActor {
  const principal = caller.principal;
  if (!principal) {
    throw new ForbiddenException(
      problem(403, 'This change needs a signed-in person.', { code: 'FORBIDDEN' }),
    );
  }
  return { userId: principal.userId, name: principal.name, role: principal.role };
}
