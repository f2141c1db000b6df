import { loadConfig } from '@oncall/platform-config';
import { PsaSyncConfig } from './psa-sync.config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oncall', NATS_URL: 'nats://127.0.0.1:4222' };
const key = 'k'.repeat(32);

describe('PsaSyncConfig', () => {
  it('is off without PSA_API_URL, also when the deployment passes empty values', () => {
    expect(loadConfig(PsaSyncConfig, base).PSA_API_URL).toBeUndefined();
    expect(
      loadConfig(PsaSyncConfig, { ...base, PSA_API_URL: '', PSA_SERVICE_KEY: '' }).PSA_API_URL,
    ).toBeUndefined();
  });

  it('takes a URL with its key', () => {
    const config = loadConfig(PsaSyncConfig, { ...base, PSA_API_URL: 'http://psa.local:8080/api', PSA_SERVICE_KEY: key }); // prettier-ignore
    expect([config.PSA_API_URL, config.PSA_SERVICE_KEY]).toEqual(['http://psa.local:8080/api', key]);
  });

  it.each([
    ['a URL without its key', { PSA_API_URL: 'https://psa.example/api' }, 'PSA_SERVICE_KEY is not set (required when PSA_API_URL is set)'],
    ['a short key', { PSA_API_URL: 'https://psa.example/api', PSA_SERVICE_KEY: 'short' }, 'PSA_SERVICE_KEY is invalid: must be at least 16 characters'],
    ['a URL that is not one', { PSA_API_URL: 'psa.example', PSA_SERVICE_KEY: key }, 'PSA_API_URL is invalid'],
    ['plain http in production', { PSA_API_URL: 'http://psa.example/api', PSA_SERVICE_KEY: key, NODE_ENV: 'production', METRICS_TOKEN: key }, 'PSA_API_URL is invalid: must be an https:// URL when NODE_ENV=production'],
    ['a link back that is not a URL', { PUBLIC_URL: 'oncall' }, 'PUBLIC_URL is invalid'],
  ])('refuses %s, naming the variable', (_, env, message) => {
    expect(() => loadConfig(PsaSyncConfig, { ...base, ...env })).toThrow(message);
  }); // prettier-ignore
});
