import { Streams } from '@oncall/contracts';
import { loadConfig } from '@oncall/platform-config';
import { MessageBus } from '@oncall/platform-messaging';
import { closeTestBus, openTestBus } from '@oncall/platform-messaging/testing';
import { createTestNamespace, TEST_NATS_URL, waitFor } from '@oncall/platform-testing';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { RetryLaterException } from '../http/retry-later.exception';
import { IngestionGatewayConfig } from '../ingestion-gateway.config';
import { AlertRateLimits } from '../rate-limits/alert-rate-limits';
import { IntegrationAuthenticator } from './integration-authenticator';
import { IntegrationDirectory } from './integration-directory';
import { integrationWithKey, publishIntegrationState } from './testing/integration-state';
import { hashIntegrationKey } from './integration-key';

const silent = pino({ level: 'silent' });

describe('IntegrationDirectory: the gateway copy of integration keys (real NATS)', () => {
  const namespace = createTestNamespace('gwkeys');
  let bus: MessageBus;
  const directories: IntegrationDirectory[] = [];

  beforeAll(async () => {
    bus = await openTestBus(namespace, TEST_NATS_URL, 'gateway-keys-test', [Streams.state]);
  });
  afterAll(async () => {
    await Promise.all(directories.map((directory) => directory.onModuleDestroy()));
    await closeTestBus(bus, namespace);
  });

  function gateway(): { directory: IntegrationDirectory; authenticator: IntegrationAuthenticator } {
    const config = loadConfig(IngestionGatewayConfig, { NATS_URL: TEST_NATS_URL });
    const directory = new IntegrationDirectory(bus, silent);
    directories.push(directory);
    return { directory, authenticator: new IntegrationAuthenticator(directory, new AlertRateLimits(config)) };
  }

  const newKey = () => randomBytes(16).toString('hex');

  it('answers 503 with Retry-After until it has caught up with the stream, then from memory', async () => {
    const key = newKey();
    const live = integrationWithKey(key);
    await publishIntegrationState(bus, live);
    const { directory, authenticator } = gateway();
    let refusal: unknown;
    try {
      authenticator.authenticate(key, 'generic', '192.0.2.1');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RetryLaterException);
    expect(refusal).toMatchObject({
      retryAfterSeconds: 1,
      response: { status: 503, code: 'INTEGRATIONS_LOADING' },
    });

    directory.onApplicationBootstrap();
    await waitFor('the copy to catch up', () => directory.isCaughtUp);
    expect(authenticator.authenticate(key, 'generic', '192.0.2.1')).toEqual(live);
  });

  it('applies a revocation, a rotation and a deletion as soon as their records arrive', async () => {
    const { directory, authenticator } = gateway();
    directory.onApplicationBootstrap();
    await waitFor('the copy to catch up', () => directory.isCaughtUp);
    const [revoked, rotated, deleted, newerKey] = [newKey(), newKey(), newKey(), newKey()];
    const views = [integrationWithKey(revoked), integrationWithKey(rotated), integrationWithKey(deleted)];
    for (const view of views) await publishIntegrationState(bus, view);
    await waitFor('three live keys', () => views.every((view) => directory.liveByKeyHash(view.keyHash)));

    const started = performance.now();
    await publishIntegrationState(bus, { ...views[0], active: false });
    await publishIntegrationState(bus, { ...views[1], keyHash: hashIntegrationKey(newerKey) });
    await publishIntegrationState(bus, views[2], true);
    const refused = (key: string) => {
      try {
        authenticator.authenticate(key, 'generic', '192.0.2.2');
        return false;
      } catch (error) {
        return (error as { getStatus(): number }).getStatus() === 401;
      }
    };
    await waitFor('every change applied', () => [revoked, rotated, deleted].every(refused), {
      timeoutMs: 5_000,
      intervalMs: 5,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(authenticator.authenticate(newerKey, 'generic', '192.0.2.2').integrationId).toBe(
      views[1].integrationId,
    );
  });

  it('rebuilds the same copy at start from the stream alone', async () => {
    const key = newKey();
    const view = integrationWithKey(key, { type: 'defend', orgId: 'org-rebuilt' });
    await publishIntegrationState(bus, view);
    const { directory } = gateway();
    directory.onApplicationBootstrap();
    await waitFor('the copy to catch up', () => directory.isCaughtUp);
    expect(directory.liveByKeyHash(view.keyHash)).toEqual(view);
    expect(directory.oldestLiveFor('org-rebuilt', 'defend')).toEqual(view);
  });
});
