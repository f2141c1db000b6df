import { loadConfig } from '@oncall/platform-config';
import { DevMailController } from './dev-mailbox/dev-mail.controller';
import { NotificationConfig, publicUrlOf } from './notification.config';
import { NotificationModule, usesDevMailbox } from './notification.module';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oncall',
  NATS_URL: 'nats://127.0.0.1:4222',
};
const production = {
  ...base,
  NODE_ENV: 'production',
  METRICS_TOKEN: 'm'.repeat(32),
  SMTP_URL: 'smtps://relay:secret@smtp.msp.example:465',
  ACTION_LINK_SECRET: 'x'.repeat(32),
  PUBLIC_URL: 'https://oncall.msp.example/',
};

describe('notification configuration', () => {
  it('runs the development mailbox without SMTP_URL outside production, with local defaults', () => {
    const config = loadConfig(NotificationConfig, base);
    expect(usesDevMailbox(config)).toBe(true);
    expect(publicUrlOf(config)).toBe('http://127.0.0.1:3000');
    expect(config).toMatchObject({ NOTIFY_DIGEST_THRESHOLD: 5, MAIL_FROM: 'On-Call <oncall@localhost>' });
    const controllers = NotificationModule.forConfig(config).controllers ?? [];
    expect(controllers).toContain(DevMailController);
  });

  it('takes a production configuration, and never mounts the development mailbox there', () => {
    const config = loadConfig(NotificationConfig, production);
    expect(usesDevMailbox(config)).toBe(false);
    expect(publicUrlOf(config)).toBe('https://oncall.msp.example');
    expect(NotificationModule.forConfig(config).controllers ?? []).not.toContain(DevMailController);
  });

  it.each([
    [{ SMTP_URL: '' }, 'Invalid configuration: SMTP_URL is not set (required when NODE_ENV=production)'],
    [{ ACTION_LINK_SECRET: '' }, 'Invalid configuration: ACTION_LINK_SECRET is not set (required when NODE_ENV=production)'],
    [{ ACTION_LINK_SECRET: 'short' }, 'Invalid configuration: ACTION_LINK_SECRET is invalid: must be at least 32 characters'],
    [{ PUBLIC_URL: '' }, 'Invalid configuration: PUBLIC_URL is not set (required when NODE_ENV=production)'],
    [{ SMTP_URL: 'http://relay' }, 'Invalid configuration: SMTP_URL is invalid: must be an smtp:// or smtps:// URL'],
  ])('refuses production without what it needs (%j), naming the variable', (change, message) => {
    expect(() => loadConfig(NotificationConfig, { ...production, ...change })).toThrow(message);
  }); // prettier-ignore
});
