import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const ACTION_LINK_ACTIONS = ['acknowledge', 'resolve'] as const;
export type ActionLinkAction = (typeof ACTION_LINK_ACTIONS)[number];

/** Who may do what to which incident through one link. */
export interface ActionLinkSubject {
  readonly action: ActionLinkAction;
  readonly orgId: string;
  readonly userId: string;
  readonly incidentId: string;
}

/** What a signed link carries: `jti` lets a store accept each link once (keep it until `expiresAt`). */
export interface ActionLinkClaims extends ActionLinkSubject {
  readonly expiresAt: Date;
  readonly jti: string;
}

export type ActionLinkVerdict =
  | { readonly status: 'valid'; readonly claims: ActionLinkClaims }
  | { readonly status: 'expired'; readonly claims: ActionLinkClaims }
  | { readonly status: 'wrong-action'; readonly claims: ActionLinkClaims }
  | { readonly status: 'tampered' };

export interface ActionLinkSignerOptions {
  /** How long a link works; a day by default, so a page read the next morning can still be resolved. */
  readonly ttlMs?: number;
}

export const MIN_ACTION_LINK_SECRET_BYTES = 32;
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{43}$/;
// Binds signatures to this use, so the secret signs nothing else by accident.
const SIGNING_CONTEXT = 'oncall.action-link.v1.';

interface TokenPayload {
  v: 1;
  action: ActionLinkAction;
  org: string;
  user: string;
  incident: string;
  exp: number;
  jti: string;
}

/**
 * Signs and checks the one-click acknowledge/resolve links of page emails: an HMAC-SHA256 over the
 * base64url JSON payload, `<payload>.<signature>`. Only links signed with this secret verify; the
 * signature is compared in constant time, as canonical text, so even a re-encoding of it is refused.
 */
export class ActionLinkSigner {
  private readonly secret: Buffer;
  private readonly ttlMs: number;

  constructor(secret: string | Buffer, options: ActionLinkSignerOptions = {}) {
    this.secret = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
    if (this.secret.length < MIN_ACTION_LINK_SECRET_BYTES) {
      throw new RangeError(`the action link secret must be at least ${MIN_ACTION_LINK_SECRET_BYTES} bytes`);
    }
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  }

  sign(subject: ActionLinkSubject, now: Date, jti: string = randomBytes(16).toString('base64url')): string {
    const payload: TokenPayload = {
      v: 1,
      action: subject.action,
      org: subject.orgId,
      user: subject.userId,
      incident: subject.incidentId,
      exp: Math.floor((now.getTime() + this.ttlMs) / 1000),
      jti,
    };
    const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${encoded}.${this.signatureOf(encoded)}`;
  }

  /** Tampering is checked first: nothing is said about a link we did not sign. */
  verify(token: string, expectedAction: ActionLinkAction, now: Date): ActionLinkVerdict {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { status: 'tampered' };
    const [encoded, signature] = token.split('.');
    const expected = Buffer.from(this.signatureOf(encoded), 'ascii');
    if (!timingSafeEqual(expected, Buffer.from(signature, 'ascii'))) return { status: 'tampered' };
    const claims = readClaims(encoded);
    if (!claims) return { status: 'tampered' };
    if (claims.action !== expectedAction) return { status: 'wrong-action', claims };
    if (now.getTime() >= claims.expiresAt.getTime()) return { status: 'expired', claims };
    return { status: 'valid', claims };
  }

  private signatureOf(encodedPayload: string): string {
    return createHmac('sha256', this.secret)
      .update(SIGNING_CONTEXT)
      .update(encodedPayload)
      .digest('base64url');
  }
}

function readClaims(encoded: string): ActionLinkClaims | null {
  let payload: Partial<TokenPayload>;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<TokenPayload>;
  } catch {
    return null;
  }
  const texts = [payload.org, payload.user, payload.incident, payload.jti];
  const wellFormed =
    payload.v === 1 &&
    ACTION_LINK_ACTIONS.includes(payload.action as ActionLinkAction) &&
    texts.every((text) => typeof text === 'string' && text.length > 0) &&
    Number.isInteger(payload.exp);
  if (!wellFormed) return null;
  const { action, org, user, incident, exp, jti } = payload as TokenPayload;
  return { action, orgId: org, userId: user, incidentId: incident, expiresAt: new Date(exp * 1000), jti };
}
