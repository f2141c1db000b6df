import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { MessageContext, RpcRequest } from '@oncall/contracts';
import { RpcError } from './rpc-errors';

/** The organization a request acts for (as the caller verified it); requests without one are refused. */
export function organizationContextOf(request: RpcRequest<unknown>): MessageContext {
  const { orgId, correlationId, causationId } = request.context;
  if (!orgId) throw new RpcError('FORBIDDEN', 'This request needs an organization.');
  return { orgId, correlationId, causationId };
}

/** What a request handler is asked, for the organization the request acts for. */
export interface OrgRequest<T> {
  orgId: string;
  data: T;
}

/**
 * A request handler's parameter: the request's data with its organization (`organizationContextOf`), so a
 * request without one is refused before the handler runs, never answered for any org.
 */
export const OrgRequest = createParamDecorator(
  (_: unknown, execution: ExecutionContext): OrgRequest<unknown> => {
    const request = execution.switchToRpc().getData<RpcRequest<unknown>>();
    return { orgId: organizationContextOf(request).orgId, data: request.data };
  },
);
