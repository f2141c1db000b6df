import { checkContactAddress, checkContactMethodInput } from './contact-method.validation';
import type { ContactMethodType } from './notification.types';

const production = { allowAnyWebhookUrl: false };
const development = { allowAnyWebhookUrl: true };
const SLACK_HOOK = 'https://hooks.slack.com/services/T0123ABCD/B0456EFGH/abcDEF123ghiJKL456';

const EMAIL_REFUSED = 'must be an email address such as tech@example.com';
const PHONE_REFUSED = 'must be an international number in E.164 form, such as +14155550123';
const SLACK_REFUSED = 'must be a Slack incoming-webhook URL (https://hooks.slack.com/services/…)';
const SLACK_DEV_REFUSED = `${SLACK_REFUSED}, or in development any https URL or http on localhost`;

describe('checkContactAddress', () => {
  it.each<{ type: ContactMethodType; address: string; normalized: string; options?: typeof production }>([
    { type: 'email', address: ' Tech.One+pager@Example.COM ', normalized: 'Tech.One+pager@example.com' },
    { type: 'email', address: "o'brien@msp.co.uk", normalized: "o'brien@msp.co.uk" },
    { type: 'slack', address: SLACK_HOOK, normalized: SLACK_HOOK },
    { type: 'slack', address: 'https://chat.example.com/hooks/abc', normalized: 'https://chat.example.com/hooks/abc', options: development },
    { type: 'slack', address: 'http://127.0.0.1:8099/slack', normalized: 'http://127.0.0.1:8099/slack', options: development },
    { type: 'slack', address: 'http://localhost:8099/slack', normalized: 'http://localhost:8099/slack', options: development },
    { type: 'sms', address: '+1 (415) 555-0123', normalized: '+14155550123' },
    { type: 'phone', address: '+33.1.23.45.67.89', normalized: '+33123456789' },
    { type: 'push', address: 'fcm:dGhpcy1pcy1hLXRva2Vu_0123', normalized: 'fcm:dGhpcy1pcy1hLXRva2Vu_0123' },
  ])('accepts $type $address as $normalized', ({ type, address, normalized, options }) => {
    expect(checkContactAddress(type, address, options ?? production)).toEqual({ ok: true, address: normalized });
  }); // prettier-ignore

  it.each<{ type: ContactMethodType; address: string; problem: string; options?: typeof production }>([
    { type: 'email', address: 'tech', problem: EMAIL_REFUSED },
    { type: 'email', address: '@example.com', problem: EMAIL_REFUSED },
    { type: 'email', address: 'tech@localhost', problem: EMAIL_REFUSED },
    { type: 'email', address: 'tech@exa_mple.com', problem: EMAIL_REFUSED },
    { type: 'email', address: 'te ch@example.com', problem: EMAIL_REFUSED },
    { type: 'email', address: 'tech@example.com\r\nBcc: all@example.com', problem: EMAIL_REFUSED },
    { type: 'email', address: 'a..b@example.com', problem: EMAIL_REFUSED },
    { type: 'email', address: `${'l'.repeat(65)}@example.com`, problem: EMAIL_REFUSED },
    { type: 'email', address: `tech@${'d'.repeat(250)}.com`, problem: EMAIL_REFUSED },
    { type: 'slack', address: 'https://chat.example.com/hooks/abc', problem: SLACK_REFUSED },
    { type: 'slack', address: 'http://hooks.slack.com/services/T1/B2/c3', problem: SLACK_REFUSED },
    { type: 'slack', address: 'https://hooks.slack.com.evil.example/services/T1/B2/c3', problem: SLACK_REFUSED },
    { type: 'slack', address: 'https://hooks.slack.com/services/T1/B2/c3?redirect=x', problem: SLACK_REFUSED },
    { type: 'slack', address: 'http://10.0.0.5/hook', problem: SLACK_DEV_REFUSED, options: development },
    { type: 'slack', address: 'https://user:pass@example.com/hook', problem: SLACK_DEV_REFUSED, options: development },
    { type: 'slack', address: 'not a url', problem: SLACK_DEV_REFUSED, options: development },
    { type: 'sms', address: '0612345678', problem: PHONE_REFUSED },
    { type: 'sms', address: '+0612345678', problem: PHONE_REFUSED },
    { type: 'phone', address: '+1234567890123456', problem: PHONE_REFUSED },
    { type: 'phone', address: '+1 415 CALL ME', problem: PHONE_REFUSED },
    { type: 'push', address: 'short', problem: 'must be a device token of 16 to 4096 letters, digits or _ : . -' },
  ])('refuses $type $address', ({ type, address, problem, options }) => {
    expect(checkContactAddress(type, address, options ?? production)).toEqual({ ok: false, problem });
  }); // prettier-ignore
});

describe('checkContactMethodInput', () => {
  it('answers a well-formed input normalized, enabled by default', () => {
    expect(checkContactMethodInput({ type: 'sms', address: '+44 20 7946 0958' }, production)).toEqual({
      ok: true,
      value: { type: 'sms', address: '+442079460958', enabled: true },
    });
  });

  it('keeps enabled: false', () => {
    const check = checkContactMethodInput({ type: 'slack', address: SLACK_HOOK, enabled: false }, production);
    expect(check).toEqual({ ok: true, value: { type: 'slack', address: SLACK_HOOK, enabled: false } });
  });

  it('reports every problem at once, each naming its field', () => {
    const check = checkContactMethodInput(
      { type: 'fax', address: 42, enabled: 'yes', verified: true },
      production,
    );
    expect(check).toEqual({
      ok: false,
      problems: [
        { path: 'verified', message: 'is not a field of a contact method (it has type, address, enabled)' },
        { path: 'type', message: 'must be one of email, slack, sms, phone, push, got "fax"' },
        { path: 'address', message: 'must be text, got 42' },
        { path: 'enabled', message: 'must be true or false, got "yes"' },
      ],
    });
  });

  it('checks the address against its type', () => {
    expect(checkContactMethodInput({ type: 'email', address: 'nobody' }, production)).toEqual({
      ok: false,
      problems: [{ path: 'address', message: EMAIL_REFUSED }],
    });
  });

  it('refuses what is not an object', () => {
    expect(checkContactMethodInput(['email'], production)).toEqual({
      ok: false,
      problems: [{ path: 'contactMethod', message: 'must be an object {type, address, enabled}' }],
    });
  });
});
