import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ActionLinkSigner, type ActionLinkSubject } from './action-link.signer';
import { actionLinkUrl, pageActionLinks } from './action-link.urls';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const signer = new ActionLinkSigner(SECRET, { ttlMs: 60 * 60 * 1000 });
const subject: ActionLinkSubject = {
  action: 'acknowledge',
  orgId: 'org-1',
  userId: 'user-alice',
  incidentId: 'inc-1',
};
const issuedAt = new Date('2027-03-01T02:00:00Z');
const inMinutes = (minutes: number) => new Date(issuedAt.getTime() + minutes * 60_000);
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

describe('ActionLinkSigner', () => {
  it('a fresh link is valid and says who may do what to which incident, until when', () => {
    const token = signer.sign(subject, issuedAt, 'jti-1');
    expect(signer.verify(token, 'acknowledge', inMinutes(59))).toEqual({
      status: 'valid',
      claims: { ...subject, expiresAt: inMinutes(60), jti: 'jti-1' },
    });
  });

  it('is URL-safe and gets a new single-use id each time', () => {
    const [a, b] = [signer.sign(subject, issuedAt), signer.sign(subject, issuedAt)];
    expect(a).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const jtiOf = (token: string) => (signer.verify(token, 'acknowledge', issuedAt) as { claims: { jti: string } }).claims.jti;
    expect(jtiOf(a)).not.toBe(jtiOf(b));
    expect(jtiOf(a)).toHaveLength(22);
  }); // prettier-ignore

  it('expires at its expiry instant', () => {
    const token = signer.sign(subject, issuedAt, 'jti-1');
    expect(signer.verify(token, 'acknowledge', inMinutes(60))).toMatchObject({ status: 'expired', claims: { jti: 'jti-1' } });
  }); // prettier-ignore

  it('answers wrong-action for a resolve link used to acknowledge', () => {
    const token = signer.sign({ ...subject, action: 'resolve' }, issuedAt);
    expect(signer.verify(token, 'acknowledge', issuedAt)).toMatchObject({ status: 'wrong-action' });
  });

  it('checks the signature before the expiry: an expired forgery is tampered, not expired', () => {
    const [payload] = signer.sign(subject, issuedAt).split('.');
    const forged = `${payload}.${'A'.repeat(43)}`;
    expect(signer.verify(forged, 'acknowledge', inMinutes(600))).toEqual({ status: 'tampered' });
  });

  it.each([
    ['another incident in the payload', (t: string) => { const [p, s] = t.split('.'); return `${encode({ ...decode(p), incident: 'inc-2' })}.${s}`; }],
    ['a later expiry in the payload', (t: string) => { const [p, s] = t.split('.'); return `${encode({ ...decode(p), exp: 4_102_444_800 })}.${s}`; }],
    ['another user in the payload', (t: string) => { const [p, s] = t.split('.'); return `${encode({ ...decode(p), user: 'user-bob' })}.${s}`; }],
    ['a signature cut short', (t: string) => t.slice(0, -1)],
    ['no signature', (t: string) => t.split('.')[0]],
    ['an extra part', (t: string) => `${t}.x`],
    ['padding added', (t: string) => `${t}=`],
    ['nothing', () => ''],
    ['garbage', () => 'not-a-token'],
    ['a link signed with another secret', () => new ActionLinkSigner('another-secret-of-at-least-32-bytes!').sign(subject, issuedAt)],
  ])('answers tampered for %s', (_name, change) => {
    expect(signer.verify(change(signer.sign(subject, issuedAt)), 'acknowledge', issuedAt)).toEqual({ status: 'tampered' });
  }); // prettier-ignore

  it('answers tampered for a well-signed payload it cannot read (another version)', () => {
    const hmac = (payload: string) =>
      createHmac('sha256', SECRET).update('oncall.action-link.v1.').update(payload).digest('base64url');
    const payload = encode({ v: 2, action: 'acknowledge', org: 'o', user: 'u', incident: 'i', exp: 4_102_444_800, jti: 'j' });
    expect(signer.verify(`${payload}.${hmac(payload)}`, 'acknowledge', issuedAt)).toEqual({ status: 'tampered' });
  }); // prettier-ignore

  it('answers tampered when any one character of a link is changed', () => {
    const token = signer.sign(subject, issuedAt);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (index, replacement) => {
        fc.pre(token[index] !== replacement && token[index] !== '.');
        const changed = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(signer.verify(changed, 'acknowledge', issuedAt)).toEqual({ status: 'tampered' });
      }),
    );
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new ActionLinkSigner('short')).toThrow('the action link secret must be at least 32 bytes');
  });
});

describe('action link URLs', () => {
  it('points at the public email-actions page with the action and the token', () => {
    expect(actionLinkUrl('https://oncall.example/', 'resolve', 'abc.def')).toBe(
      'https://oncall.example/email-actions/resolve/abc.def',
    );
  });

  it('gives a page email its two links, each verifying for its own action only', () => {
    const links = pageActionLinks('https://oncall.example', signer, subject, issuedAt);
    const tokenOf = (url: string) => url.split('/').pop()!;
    expect(signer.verify(tokenOf(links.acknowledge), 'acknowledge', issuedAt).status).toBe('valid');
    expect(signer.verify(tokenOf(links.resolve), 'resolve', issuedAt).status).toBe('valid');
    expect(signer.verify(tokenOf(links.resolve), 'acknowledge', issuedAt).status).toBe('wrong-action');
  });
});
