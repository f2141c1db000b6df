import { HubClaims, Role, ROLES } from './principal';

/**
 * Shapes of the claims On-Call reads from a token (ADR 0081). Ids become database keys, NATS header values
 * and log fields, so they are short and made of characters that are safe everywhere; text is bounded and
 * free of control characters and unpaired surrogates (PostgreSQL refuses NUL, headers refuse CR/LF).
 */
export const ORG_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const SUBJECT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,254}$/;
const EMAIL_PATTERN = /^[^\s@"<>()[\]\\,;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/; // prettier-ignore
const MAX_TEXT = 200;

export type ParsedClaims =
  { ok: true; claims: HubClaims; expiresAt: number } | { ok: false; problem: string };

/** The claims of a verified token, checked for type and shape; the problem names the claim, never its value. */
export function parseHubClaims(payload: unknown): ParsedClaims {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return refused('the payload is not a JSON object');
  const raw = payload as Record<string, unknown>;
  const problems = [
    check(raw.sub, 'sub', (v) => SUBJECT_PATTERN.test(v), '1-255 letters, digits or . _ : @ | + -'),
    check(raw.org_id, 'org_id', (v) => ORG_ID_PATTERN.test(v), '1-128 letters, digits or . _ : -'),
    check(
      raw.email,
      'email',
      (v) => v.length <= 254 && EMAIL_PATTERN.test(v) && !UNSAFE_TEXT.test(v),
      'an e-mail address',
    ),
    check(raw.role, 'role', (v) => (ROLES as readonly string[]).includes(v), `one of ${ROLES.join(', ')}`),
    optional(raw.name, 'name', isSafeText, `text of 1-${MAX_TEXT} characters`),
    optional(raw.org_name, 'org_name', isSafeText, `text of 1-${MAX_TEXT} characters`),
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) return refused(problems.join('; '));
  // passport-jwt checks `exp` only when it is there: a token without one would be good forever.
  if (typeof raw.exp !== 'number' || !Number.isFinite(raw.exp))
    return refused('claim exp (expiry) is missing');
  const email = raw.email as string;
  return {
    ok: true,
    expiresAt: raw.exp,
    claims: {
      sub: raw.sub as string,
      org_id: raw.org_id as string,
      email,
      name: (raw.name as string | undefined) ?? email,
      role: raw.role as Role,
      ...(raw.org_name === undefined ? {} : { org_name: raw.org_name as string }),
    },
  };
}

function isSafeText(value: string): boolean {
  return value.length >= 1 && value.length <= MAX_TEXT && value.trim() !== '' && !UNSAFE_TEXT.test(value);
}

function check(
  value: unknown,
  claim: string,
  valid: (value: string) => boolean,
  shape: string,
): string | null {
  if (value === undefined || value === null) return `claim ${claim} is missing`;
  if (typeof value !== 'string' || !valid(value)) return `claim ${claim} must be ${shape}`;
  return null;
}

function optional(
  value: unknown,
  claim: string,
  valid: (value: string) => boolean,
  shape: string,
): string | null {
  return value === undefined ? null : check(value, claim, valid, shape);
}

function refused(problem: string): ParsedClaims {
  return { ok: false, problem };
}
