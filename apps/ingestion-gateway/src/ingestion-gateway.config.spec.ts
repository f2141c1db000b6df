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
