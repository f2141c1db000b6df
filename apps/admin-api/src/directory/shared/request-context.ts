import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@oncall/platform-auth';
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
