import { InvalidConfigurationError, loadConfig } from '@oncall/platform-config';
import { PLATFORM_SERVICES } from '../scripts/platform-services';
import { CONFIG_SCHEMAS } from './support/config-schemas';

const production = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oncall',
  NATS_URL: 'nats://127.0.0.1:4222',
  NODE_ENV: 'production',
};

/** What a service needs in production besides METRICS_TOKEN (checked in its own config spec). */
const PRODUCTION_NEEDS: Partial<Record<keyof typeof CONFIG_SCHEMAS, Record<string, string>>> = {
  notification: {
    SMTP_URL: 'smtps://relay:secret@smtp.msp.example:465',
    ACTION_LINK_SECRET: 'a'.repeat(32),
    PUBLIC_URL: 'https://oncall.msp.example',
  },
};

/** Issue 8, item 10: no service runs in production with /metrics open to whoever reaches its port. */
describe.each(PLATFORM_SERVICES.map((service) => service.name))('%s in production', (name) => {
  const schema: new () => object = CONFIG_SCHEMAS[name];
  const base = { ...production, ...PRODUCTION_NEEDS[name] };

  it('refuses to start without METRICS_TOKEN, naming it', () => {
    const load = () => loadConfig(schema, base);
    expect(load).toThrow(InvalidConfigurationError);
    expect(load).toThrow('METRICS_TOKEN is not set (required when NODE_ENV=production)');
  });

  it('starts with one', () => {
    expect(loadConfig(schema, { ...base, METRICS_TOKEN: 'm'.repeat(32) })).toMatchObject({
      METRICS_TOKEN: 'm'.repeat(32),
    });
  });
});
