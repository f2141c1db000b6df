import { InvalidConfigurationError, loadConfig } from '@oncall/platform-config';
import { AdminApiConfig } from './admin-api.config';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oncall',
  NATS_URL: 'nats://127.0.0.1:4222',
};
const hub = {
  HUB_JWKS_URL: 'https://hub.example.com/.well-known/jwks.json',
  HUB_ISSUER: 'https://hub.example.com',
  HUB_AUDIENCE: 'oncall',
};

describe('admin-api configuration', () => {
  it('takes Hub with all three HUB_* variables, or none (development)', () => {
    expect(loadConfig(AdminApiConfig, { ...base, ...hub })).toMatchObject(hub);
    expect(
      loadConfig(AdminApiConfig, { ...base, HUB_JWKS_URL: '', HUB_ISSUER: '', HUB_AUDIENCE: '' }).HUB_ISSUER,
    ).toBeUndefined();
  });

  it.each([
    [{ HUB_ISSUER: hub.HUB_ISSUER }, 'Invalid configuration: HUB_JWKS_URL is not set'],
    [{ HUB_AUDIENCE: hub.HUB_AUDIENCE }, 'Invalid configuration: HUB_JWKS_URL is not set'],
    [{ HUB_JWKS_URL: hub.HUB_JWKS_URL }, 'Invalid configuration: HUB_ISSUER is not set'],
    [
      { HUB_JWKS_URL: hub.HUB_JWKS_URL, HUB_ISSUER: hub.HUB_ISSUER },
      'Invalid configuration: HUB_AUDIENCE is not set',
    ],
    [
      { HUB_ISSUER: hub.HUB_ISSUER, HUB_AUDIENCE: hub.HUB_AUDIENCE },
      'Invalid configuration: HUB_JWKS_URL is not set',
    ],
  ])('refuses part of Hub (%j) with one line naming a missing variable', (partial, message) => {
    const load = () => loadConfig(AdminApiConfig, { ...base, ...partial });
    expect(load).toThrow(InvalidConfigurationError);
    expect(load).toThrow(message);
    expect(() => load()).toThrow(expect.objectContaining({ message: expect.not.stringContaining('\n') }));
  });

  it('wants a billing key of at least 32 characters when one is set', () => {
    expect(() => loadConfig(AdminApiConfig, { ...base, HUB_BILLING_KEY: 'short-key' })).toThrow(
      'Invalid configuration: HUB_BILLING_KEY is invalid: must be at least 32 characters',
    );
    expect(
      loadConfig(AdminApiConfig, { ...base, HUB_BILLING_KEY: 'k'.repeat(32) }).HUB_BILLING_KEY,
    ).toHaveLength(32);
    expect(loadConfig(AdminApiConfig, base).HUB_BILLING_KEY).toBeUndefined();
  });

  it('keeps live streams alive every 25 s unless told otherwise (1-60 s)', () => {
    expect(loadConfig(AdminApiConfig, base).LIVE_KEEP_ALIVE_MS).toBe(25_000);
    expect(loadConfig(AdminApiConfig, { ...base, LIVE_KEEP_ALIVE_MS: '1000' }).LIVE_KEEP_ALIVE_MS).toBe(
      1_000,
    );
    expect(() => loadConfig(AdminApiConfig, { ...base, LIVE_KEEP_ALIVE_MS: '10' })).toThrow(
      'Invalid configuration: LIVE_KEEP_ALIVE_MS is invalid',
    );
  });
});
