import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { MessageContext, RpcRequest } from '@oncall/contracts';
import { RpcError } from './rpc-errors';

/** The organization a request acts for (as the caller verified it); requests without one are refused. */
function organizationContextOf(request: RpcRequest<unknown>): MessageContext {
  const { orgId, correlationId, causationId } = request.context;
  if (!orgId) throw new RpcError('FORBIDDEN', 'This request needs an organization.');
  return { orgId, correlationId, causationId };
}

/**
 * What a request handler is asked, for the organization the request acts for: `orgId` to read and write
 * within it, `context` (the organization with the request's correlation and causation) to publish or
 * record what the handler does.
 */
export interface OrgRequest<T> {
  orgId: string;
  context: MessageContext;
  data: T;
}

/**
 * The parameter of every request handler that acts for an organization: the request's data with its
 * organization, so a request without one is refused (FORBIDDEN) before the handler runs, never answered
 * for any org.
 */
export const OrgRequest = createParamDecorator(
  (_: unknown, execution: ExecutionContext): OrgRequest<unknown> => {
    const request = execution.switchToRpc().getData<RpcRequest<unknown>>();
    const context = organizationContextOf(request);
    return { orgId: context.orgId, context, data: request.data };
  },
);
