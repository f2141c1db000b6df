import { stageForAll } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { HubKey, hubKey, HubStage, signHubToken } from './support/jwks-server';

function sign(key: HubKey, sub: string, kid = key.kid): string {
  const claims = { sub, org_id: 'org-flood', email: `${sub}@msp.test`, name: sub, role: 'technician' };
  return signHubToken(key, claims, { keyid: kid });
}

/**
 * Issue 8, item 3: tokens naming key ids Hub never published must not cost anyone the ability to sign in.
 * Hub is stood in for by a real JWKS over HTTP (JwksServer) publishing two keys; the flood comes before
 * the second key was ever used.
 */
describe('An unauthenticated flood of unknown key ids (Hub JWKS stand-in)', () => {
  const first = hubKey('hub-rsa-1', 'RS256');
  const second = hubKey('hub-ec-2', 'ES256');
  const attacker = hubKey('attacker', 'RS256');
  const hub = stageForAll(() => HubStage.start('jwksflood', [first, second]));

  const call = (token: string) =>
    fetch(`${hub.platform.url('admin-api')}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  it('answers the flood 401, reads the key set a bounded number of times, and keeps every real user at 200', async () => {
    expect((await call(sign(first, 'ada'))).status).toBe(200);
    const readsBefore = hub.jwks.requests;

    const flood = await Promise.all(
      Array.from({ length: 200 }, () => call(sign(attacker, 'mallory', `forged-${randomUUID()}`))),
    );
    const statuses = await Promise.all(
      flood.map(async (response) => ({
        status: response.status,
        code: ((await response.json()) as { code?: string }).code,
      })),
    );
    expect(new Set(statuses.map((answer) => `${answer.status} ${answer.code}`))).toEqual(
      new Set(['401 UNAUTHENTICATED']),
    );
    expect(hub.jwks.requests - readsBefore).toBeLessThanOrEqual(2);

    // A user of the key used before the flood, and one of the key nobody had used yet.
    const afterFlood = await Promise.all([
      call(sign(first, 'ada')),
      call(sign(second, 'grace')),
      call(sign(second, 'linus')),
    ]);
    expect(afterFlood.map((response) => response.status)).toEqual([200, 200, 200]);
  }, 30_000);

  it('keeps real users at 200 while a trickle of unknown key ids goes on, and picks up a key Hub publishes meanwhile', async () => {
    const rotated = hubKey('hub-rsa-3', 'RS256');
    const url = `${hub.platform.url('admin-api')}/api/v1/me`;
    const statusOf = (token: string) =>
      fetch(url, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.status);
    const trickle = Array.from({ length: 40 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 25)).then(() =>
        statusOf(sign(attacker, 'mallory', `forged-${randomUUID()}`)),
      ),
    );
    hub.jwks.publish([first.jwk, second.jwk, rotated.jwk]);
    const real = await Promise.all([
      statusOf(sign(first, 'ada')),
      statusOf(sign(second, 'grace')),
      statusOf(sign(rotated, 'margaret')),
    ]);
    const trickled = await Promise.all(trickle);
    expect(real).toEqual([200, 200, 200]);
    expect(new Set(trickled)).toEqual(new Set([401]));
  }, 30_000);
});
