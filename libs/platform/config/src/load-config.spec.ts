import { IsInt, Min } from 'class-validator';
import { InvalidConfigurationError } from './config-error';
import { loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

class ExampleConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  ESCALATION_TICK_MS: number = 1000;
}

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oncall',
  NATS_URL: 'nats://127.0.0.1:4222',
};

describe('loadConfig', () => {
  it('protects /metrics in production: METRICS_TOKEN is required there, optional elsewhere', () => {
    const token = 'm'.repeat(32);
    expect(loadConfig(ExampleConfig, { ...valid, NODE_ENV: 'production', METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token); // prettier-ignore
    expect(loadConfig(ExampleConfig, { ...valid, NODE_ENV: 'development' }).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig(ExampleConfig, valid).METRICS_TOKEN).toBeUndefined();
  });

  it('returns a typed object with defaults and converted numbers', () => {
    const config = loadConfig(ExampleConfig, { ...valid, PORT: '3001' });
    expect(config.PORT).toBe(3001);
    expect(config.ESCALATION_TICK_MS).toBe(1000);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it.each([
    [{ NATS_URL: valid.NATS_URL }, 'Invalid configuration: DATABASE_URL is not set'],
    [{ ...valid, DATABASE_URL: '' }, 'Invalid configuration: DATABASE_URL is not set'],
    [
      { ...valid, DATABASE_URL: 'mysql://x/y' },
      'Invalid configuration: DATABASE_URL is invalid: must be a postgres:// URL with a database name',
    ],
    [{ ...valid, NATS_URL: 'http://x' }, 'Invalid configuration: NATS_URL is invalid: must be a nats:// URL'],
    [{ ...valid, PORT: 'eighty' }, 'Invalid configuration: PORT is invalid'],
    [{ ...valid, ESCALATION_TICK_MS: '0' }, 'Invalid configuration: ESCALATION_TICK_MS is invalid'],
    [
      { ...valid, NODE_ENV: 'production' },
      'Invalid configuration: METRICS_TOKEN is not set (required when NODE_ENV=production)',
    ],
    [
      { ...valid, NODE_ENV: 'production', METRICS_TOKEN: 'short' },
      'Invalid configuration: METRICS_TOKEN is invalid: must be at least 32 characters',
    ],
    [{ ...valid, METRICS_TOKEN: 'short' }, 'Invalid configuration: METRICS_TOKEN is invalid'],
    [{ ...valid, NODE_ENV: 'prod' }, 'Invalid configuration: NODE_ENV is invalid'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(ExampleConfig, env)).toThrow(InvalidConfigurationError);
    expect(() => loadConfig(ExampleConfig, env)).toThrow(message);
  });
});
