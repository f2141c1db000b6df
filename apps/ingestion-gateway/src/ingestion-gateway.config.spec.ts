import { loadConfig } from '@oncall/platform-config';
import { IngestionGatewayConfig } from './ingestion-gateway.config';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oncall',
  NATS_URL: 'nats://127.0.0.1:4222',
};

describe('ingestion-gateway configuration', () => {
  it('wants a Defend service key of at least 32 characters when one is set', () => {
    expect(() => loadConfig(IngestionGatewayConfig, { ...base, DEFEND_SERVICE_KEY: 'defend-key' })).toThrow(
      'Invalid configuration: DEFEND_SERVICE_KEY is invalid: must be at least 32 characters',
    );
    const key = 'd'.repeat(32);
    expect(loadConfig(IngestionGatewayConfig, { ...base, DEFEND_SERVICE_KEY: key }).DEFEND_SERVICE_KEY).toBe(
      key,
    );
    expect(loadConfig(IngestionGatewayConfig, base).DEFEND_SERVICE_KEY).toBeUndefined();
  });
});

describe('ingestion-gateway configuration without a database', () => {
  const busOnly = { NATS_URL: 'nats://127.0.0.1:4222' };

  it('needs no DATABASE_URL and has generous rate limits by default', () => {
    expect(loadConfig(IngestionGatewayConfig, busOnly)).toMatchObject({
      INTEGRATION_RATE_PER_SECOND: 100,
      INTEGRATION_RATE_BURST: 1_000,
      INVALID_KEY_RATE_PER_SOURCE: 10,
      INVALID_KEY_BURST_PER_SOURCE: 100,
      TRUST_PROXY: undefined,
    });
  });

  it.each(['1', '10.0.0.0/8', '10.0.0.0/8, 127.0.0.1', '::1'])('trusts proxies given as %j', (value) => {
    expect(loadConfig(IngestionGatewayConfig, { ...busOnly, TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
  });

  it.each(['true', 'everyone', '10.0.0.0/8; rm -rf'])('refuses TRUST_PROXY %j naming it', (value) => {
    expect(() => loadConfig(IngestionGatewayConfig, { ...busOnly, TRUST_PROXY: value })).toThrow(
      /TRUST_PROXY is invalid/,
    );
  });

  it('refuses a rate of 0 naming it', () => {
    expect(() =>
      loadConfig(IngestionGatewayConfig, { ...busOnly, INTEGRATION_RATE_PER_SECOND: '0' }),
    ).toThrow(/INTEGRATION_RATE_PER_SECOND is invalid/);
  });
});
