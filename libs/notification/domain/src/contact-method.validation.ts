import { CONTACT_METHOD_TYPES, ContactMethodType, NotificationProblem } from './notification.types';
import { isRecord, show } from '@oncall/shared-input-checks';

export interface ContactAddressOptions {
  /**
   * Production accepts only Slack's own incoming-webhook URLs: the platform POSTs to whatever is stored,
   * so any other host would let a user aim our servers at internal addresses. Development also accepts
   * any https URL and http on the loopback interface, for local stand-ins.
   */
  readonly allowAnyWebhookUrl: boolean;
}

export type ContactAddressCheck = { ok: true; address: string } | { ok: false; problem: string };

export interface ContactMethodInput {
  readonly type: ContactMethodType;
  readonly address: string;
  readonly enabled: boolean;
}

export type ContactMethodInputCheck =
  { ok: true; value: ContactMethodInput } | { ok: false; problems: NotificationProblem[] };

const EMAIL_LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const SLACK_WEBHOOK = /^https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const E164 = /^\+[1-9]\d{6,14}$/;
const PHONE_PUNCTUATION = /[\s().-]/g;
const PUSH_TOKEN = /^[A-Za-z0-9_:.-]{16,4096}$/;
const INPUT_FIELDS = ['type', 'address', 'enabled'];

/** Checks an address for its type and answers it normalized (trimmed; phone punctuation removed). */
export function checkContactAddress(
  type: ContactMethodType,
  address: string,
  options: ContactAddressOptions,
): ContactAddressCheck {
  const trimmed = address.trim();
  switch (type) {
    case 'email':
      return checkEmailAddress(trimmed);
    case 'slack':
      return checkSlackWebhookUrl(trimmed, options);
    case 'sms':
    case 'phone':
      return checkPhoneNumber(trimmed);
    case 'push':
      return PUSH_TOKEN.test(trimmed)
        ? { ok: true, address: trimmed }
        : { ok: false, problem: 'must be a device token of 16 to 4096 letters, digits or _ : . -' };
  }
}

/** Checks a contact method as received from the API (any shape); every problem names its field. */
export function checkContactMethodInput(
  input: unknown,
  options: ContactAddressOptions,
): ContactMethodInputCheck {
  if (!isRecord(input)) {
    return {
      ok: false,
      problems: [{ path: 'contactMethod', message: 'must be an object {type, address, enabled}' }],
    };
  }
  const record = input;
  const problems = unknownFieldProblems(record);
  const type = record.type as ContactMethodType;
  const typeKnown = CONTACT_METHOD_TYPES.includes(type);
  if (!typeKnown) {
    problems.push({
      path: 'type',
      message: `must be one of ${CONTACT_METHOD_TYPES.join(', ')}, got ${show(record.type)}`,
    });
  }
  let address = '';
  if (typeof record.address !== 'string') {
    problems.push({ path: 'address', message: `must be text, got ${show(record.address)}` });
  } else if (typeKnown) {
    const check = checkContactAddress(type, record.address, options);
    if (check.ok) address = check.address;
    else problems.push({ path: 'address', message: check.problem });
  }
  const enabled = record.enabled ?? true;
  if (typeof enabled !== 'boolean') {
    problems.push({ path: 'enabled', message: `must be true or false, got ${show(enabled)}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { type, address, enabled: enabled as boolean } };
}

function unknownFieldProblems(record: Record<string, unknown>): NotificationProblem[] {
  return Object.keys(record)
    .filter((field) => !INPUT_FIELDS.includes(field))
    .map((field) => ({
      path: field,
      message: `is not a field of a contact method (it has ${INPUT_FIELDS.join(', ')})`,
    }));
}

function checkEmailAddress(address: string): ContactAddressCheck {
  const refused: ContactAddressCheck = {
    ok: false,
    problem: 'must be an email address such as tech@example.com',
  };
  const at = address.lastIndexOf('@');
  if (at < 1 || address.length > 254) return refused;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const domainOk = labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label));
  if (local.length > 64 || !EMAIL_LOCAL_PART.test(local) || !domainOk) return refused;
  // The local part may be case-sensitive (RFC 5321); the domain never is.
  return { ok: true, address: `${local}@${labels.join('.').toLowerCase()}` };
}

function checkSlackWebhookUrl(address: string, options: ContactAddressOptions): ContactAddressCheck {
  if (SLACK_WEBHOOK.test(address)) return { ok: true, address };
  const slackOnly = 'must be a Slack incoming-webhook URL (https://hooks.slack.com/services/…)';
  if (!options.allowAnyWebhookUrl) return { ok: false, problem: slackOnly };
  const url = parseUrl(address);
  const loopbackHttp = url?.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  if (!url || url.username || url.password || !(url.protocol === 'https:' || loopbackHttp)) {
    return { ok: false, problem: `${slackOnly}, or in development any https URL or http on localhost` };
  }
  return { ok: true, address };
}

function checkPhoneNumber(address: string): ContactAddressCheck {
  const compact = address.replace(PHONE_PUNCTUATION, '');
  return E164.test(compact)
    ? { ok: true, address: compact }
    : { ok: false, problem: 'must be an international number in E.164 form, such as +14155550123' };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
