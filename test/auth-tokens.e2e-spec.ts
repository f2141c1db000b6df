import { freePort, stageForAll } from '@oncall/platform-testing';
import jwt from 'jsonwebtoken';
import { ADMIN_API_SCHEMA } from '../apps/admin-api/src/admin-api.service';
import { HUB_AUDIENCE, HUB_ISSUER, HubKey, hubKey, HubStage, signHubToken } from './support/jwks-server';

const claims = { sub: 'hub-user-1', org_id: 'org-hub', email: 'ada@msp.test', name: 'Ada', role: 'manager' };

function sign(key: HubKey, overrides: jwt.SignOptions = {}, payload: object = claims): string {
  return signHubToken(key, payload, overrides);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Hub SSO token verification against a JWKS served over HTTP', () => {
  const rsa = hubKey('rsa-1', 'RS256');
  const ec = hubKey('ec-1', 'ES256');
  const rotated = hubKey('rsa-2', 'RS256');
  const hub = stageForAll(() => HubStage.start('authtokens', [rsa, ec]));

  const call = (token?: string) =>
    fetch(`${hub.platform.url('admin-api')}/api/v1/clients`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  it.each([
    ['RS256', () => sign(rsa)],
    ['ES256', () => sign(ec)],
  ])('accepts a valid %s token', async (_, token) => {
    expect((await call(token())).status).toBe(200);
  });

  const impostor = hubKey('rsa-1', 'RS256'); // same kid as a trusted key, different key
  const unknown = hubKey('never-published', 'RS256');
  const now = Math.floor(Date.now() / 1000);

  it.each<[string, () => string | undefined]>([
    ['no token', () => undefined],
    ['a malformed token', () => 'not-a-jwt'],
    ['a wrong signature', () => sign(impostor)],
    [
      'an expired token',
      () =>
        jwt.sign({ ...claims, iat: now - 600, exp: now - 60 }, rsa.privateKey, {
          algorithm: 'RS256',
          keyid: rsa.kid,
          issuer: HUB_ISSUER,
          audience: HUB_AUDIENCE,
        }),
    ],
    ['a wrong issuer', () => sign(rsa, { issuer: 'https://evil.test' })],
    ['a wrong audience', () => sign(rsa, { audience: 'someone-else' })],
    [
      'alg: none',
      () =>
        `${base64url({ alg: 'none', typ: 'JWT', kid: 'rsa-1' })}.${base64url({ ...claims, iss: HUB_ISSUER, aud: HUB_AUDIENCE, exp: now + 300 })}.`,
    ],
    [
      'HS256 signed with the public key (algorithm confusion)',
      () =>
        jwt.sign(claims, JSON.stringify(rsa.jwk), {
          algorithm: 'HS256',
          keyid: 'rsa-1',
          issuer: HUB_ISSUER,
          audience: HUB_AUDIENCE,
        }),
    ],
    ['a key that is not in the JWKS', () => sign(unknown)],
    [
      'a token without an expiry (exp)',
      () =>
        jwt.sign(claims, rsa.privateKey, {
          algorithm: 'RS256',
          keyid: rsa.kid,
          issuer: HUB_ISSUER,
          audience: HUB_AUDIENCE,
        }),
    ],
    ['a token without an organization', () => sign(rsa, {}, { ...claims, org_id: undefined })],
    ['a token with an unknown role', () => sign(rsa, {}, { ...claims, role: 'admin' })],
  ])('refuses %s with 401 problem+json', async (_, token) => {
    const response = await call(token());
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('takes a token from the Authorization header only, never from ?access_token=', async () => {
    const token = sign(rsa);
    expect((await call(token)).status).toBe(200);
    const inQuery = await fetch(`${hub.platform.url('admin-api')}/api/v1/clients?access_token=${token}`);
    expect(inQuery.status).toBe(401);
    expect(await inQuery.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an organization id that is an object', { org_id: { id: 'org-hub' } }, 'org_id'],
    ['an organization id of 129 characters', { org_id: 'o'.repeat(129) }, 'org_id'],
    ['an organization id with CR/LF', { org_id: 'org\r\nX-Injected: 1' }, 'org_id'],
    ['an organization id with a NATS wildcard', { org_id: 'org.>' }, 'org_id'],
    ['a subject that is a number', { sub: 42 }, 'sub'],
    ['an e-mail that is an array', { email: ['ada@msp.test'] }, 'email'],
    ['a name with a NUL', { name: 'Nul\u0000Byte' }, 'name'],
    ['a role that is an object', { role: { name: 'manager' } }, 'role'],
  ])('refuses a token with %s: 401 naming the claim, nothing provisioned', async (_, change, claim) => {
    const response = await call(sign(rsa, {}, { ...claims, sub: 'hub-shape', ...change }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      detail: expect.stringContaining(`claim ${claim} `),
    });
    const provisioned = await hub.platform.withSchema(ADMIN_API_SCHEMA, (db) =>
      db.query("SELECT count(*)::int AS n FROM users WHERE hub_user_id = 'hub-shape'"),
    );
    expect(provisioned).toEqual([{ n: 0 }]);
  });

  it('answers a failure while signing in (the database refusing the provisioning) with a logged 500, not a 401', async () => {
    const admin = hub.platform.service('admin-api');
    const logged = jest.spyOn(admin.logger, 'error');
    await hub.platform.withSchema(ADMIN_API_SCHEMA, (db) =>
      db.query("ALTER TABLE organizations ADD CONSTRAINT test_refuses CHECK (id <> 'org-refused')"),
    );
    try {
      const response = await call(sign(rsa, {}, { ...claims, sub: 'hub-refused', org_id: 'org-refused' }));
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ status: 500 });
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.anything() }),
        'Unhandled error in HTTP request',
      );
    } finally {
      logged.mockRestore();
      await hub.platform.withSchema(ADMIN_API_SCHEMA, (db) =>
        db.query('ALTER TABLE organizations DROP CONSTRAINT test_refuses'),
      );
    }
  });

  it('puts security headers on every API answer, and serves /api/docs outside production only', async () => {
    for (const response of [
      await call(sign(rsa)),
      await call(),
      await fetch(`${hub.platform.url('admin-api')}/nope`),
    ]) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none'", // as helmet writes it
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    expect((await fetch(`${hub.platform.url('admin-api')}/api/docs-json`)).status).toBe(200);
    // Swagger UI gets a policy that lets its own scripts run.
    const docs = await fetch(`${hub.platform.url('admin-api')}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('accepts a token signed by a rotated-in key once Hub publishes it', async () => {
    expect((await call(sign(rotated))).status).toBe(401);
    hub.jwks.publish([ec.jwk, rotated.jwk]);
    expect((await call(sign(rotated))).status).toBe(200);
  });

  // The last two restart admin-api with other settings, one after the other: two instances in one process
  // would share passport's strategy registry.
  const restartAdminApi = async (overrides: NodeJS.ProcessEnv) => {
    await hub.platform.stop('admin-api');
    await hub.platform.configure(overrides).start('admin-api');
  };

  it('answers 503, not 401, while Hub’s key set cannot be fetched', async () => {
    await restartAdminApi({ HUB_JWKS_URL: `http://127.0.0.1:${await freePort()}/.well-known/jwks.json` });
    const response = await call(sign(rsa));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 503, code: 'AUTHENTICATION_UNAVAILABLE' });
  });

  it('does not serve the OpenAPI documents in production', async () => {
    await restartAdminApi({
      HUB_JWKS_URL: hub.jwks.url,
      NODE_ENV: 'production',
      METRICS_TOKEN: 'm'.repeat(32),
    });
    expect((await call(sign(ec))).status).toBe(200);
    for (const path of ['/api/docs', '/api/docs-json']) {
      const response = await fetch(`${hub.platform.url('admin-api')}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });
});
