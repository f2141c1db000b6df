import { IntegrationCredential, Queries } from '@oncall/contracts';
import { MessageBus, RpcUnavailableError } from '@oncall/platform-messaging';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { hashIntegrationKey, IntegrationKeyResolver } from './integration-key-resolver';

const credential: IntegrationCredential = {
  orgId: 'org-1',
  integrationId: 'int-1',
  serviceId: 'svc-1',
  type: 'defend',
  active: true,
};

function resolverWith(request: jest.Mock): IntegrationKeyResolver {
  const config = Object.assign(new IngestionGatewayConfig(), { INTEGRATION_CACHE_TTL_MS: 0 });
  return new IntegrationKeyResolver({ rpc: { request } } as unknown as MessageBus, config);
}

describe('IntegrationKeyResolver', () => {
  it.each([
    ['too short', 'abc'],
    ['uppercase hex', '0123456789ABCDEF0123456789ABCDEF'],
    ['33 characters', `${'a'.repeat(33)}`],
    ['not hex', 'g'.repeat(32)],
    ['a path trick', '../../0123456789abcdef0123456789'],
  ])('answers null for a key that is %s without asking the directory', async (_, key) => {
    const request = jest.fn();
    expect(await resolverWith(request).resolve(key, 'corr')).toBeNull();
    expect(request).not.toHaveBeenCalled();
  });

  it('asks the directory with the hash of a well-formed key, never the key', async () => {
    const key = '0123456789abcdef0123456789abcdef';
    const request = jest.fn().mockResolvedValue(credential);
    expect(await resolverWith(request).resolve(key, 'corr')).toEqual(credential);
    expect(request).toHaveBeenCalledWith(
      Queries.directory.integrationByKey,
      { keyHash: hashIntegrationKey(key) },
      { orgId: null, correlationId: 'corr', causationId: null },
      expect.any(Number),
    );
  });

  it("keeps answering an organization's integration from the cache while the directory is down", async () => {
    const request = jest.fn().mockResolvedValueOnce(credential);
    const resolver = resolverWith(request);
    expect(await resolver.resolveForOrg('org-1', 'defend', 'c1')).toEqual(credential);
    request.mockRejectedValue(new RpcUnavailableError('subject', 'no-responders'));
    expect(await resolver.resolveForOrg('org-1', 'defend', 'c2')).toEqual(credential);
    await expect(resolver.resolveForOrg('org-2', 'defend', 'c3')).rejects.toBeInstanceOf(RpcUnavailableError);
  });
});
