import { MessageContext, RpcRequest } from '@oncall/contracts';
import { RpcError } from './rpc-errors';

/** The organization a request acts for (as the caller verified it); requests without one are refused. */
export function organizationContextOf(request: RpcRequest<unknown>): MessageContext {
  const { orgId, correlationId, causationId } = request.context;
  if (!orgId) throw new RpcError('FORBIDDEN', 'This request needs an organization.');
  return { orgId, correlationId, causationId };
}
