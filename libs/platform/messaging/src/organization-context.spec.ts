import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { RpcContext, RpcRequest } from '@oncall/contracts';
import { OrgRequest } from './organization-context';

type Factory = (data: unknown, execution: ExecutionContextHost) => OrgRequest<unknown>;

/** What Nest calls to fill an `@OrgRequest()` parameter: the factory it recorded for the handler. */
function orgRequestFactory(): Factory {
  class Handler {
    handle(@OrgRequest() request: OrgRequest<unknown>): OrgRequest<unknown> {
      return request;
    }
  }
  const args: Record<string, { factory: Factory }> = Reflect.getMetadata(
    ROUTE_ARGS_METADATA,
    Handler,
    'handle',
  );
  return Object.values(args)[0].factory;
}

/** The factory's answer for a request arriving over the bus with this context. */
function resolve(context: RpcContext): OrgRequest<unknown> {
  const request: RpcRequest<unknown> = { data: { serviceId: 's-1' }, context };
  const execution = new ExecutionContextHost([request]);
  execution.setType('rpc');
  return orgRequestFactory()(undefined, execution);
}

describe('@OrgRequest()', () => {
  it("gives the request's data with its organization and the whole message context", () => {
    expect(resolve({ orgId: 'org-1', correlationId: 'corr-1', causationId: 'cause-1' })).toEqual({
      orgId: 'org-1',
      context: { orgId: 'org-1', correlationId: 'corr-1', causationId: 'cause-1' },
      data: { serviceId: 's-1' },
    });
  });

  it('refuses a request without an organization (FORBIDDEN) while filling the parameter, before the handler runs', () => {
    expect(() => resolve({ orgId: null, correlationId: 'corr-1', causationId: null })).toThrow(
      expect.objectContaining({
        name: 'RpcError',
        code: 'FORBIDDEN',
        message: 'This request needs an organization.',
      }),
    );
  });
});
