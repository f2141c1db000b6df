// A real OpenID Connect provider (the `oidc-provider` package) standing in for Hub in tests. Run as its
// own process (the package is ESM-only). Configured through the environment; prints `ready <issuer>`.
// Sign-in uses the package's development login form: any password, the login names an account of
// OIDC_ACCOUNTS. Access tokens are RS256 JWTs for OIDC_AUDIENCE carrying Hub's claims.
import Provider from 'oidc-provider';
import { generateKeyPairSync } from 'node:crypto';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const audience = process.env.OIDC_AUDIENCE;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS); // { login: { org_id, role, email, name } }
let accessTokenTtl = Number(process.env.OIDC_ACCESS_TOKEN_TTL ?? 3600);
// SIGUSR2: access tokens issued from now on last 5 seconds (to test the end of a session).
process.on('SIGUSR2', () => {
  accessTokenTtl = 5;
  console.log('short tokens');
});
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
const SCOPE = 'openid profile email';

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      token_endpoint_auth_method: 'none',
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      post_logout_redirect_uris: [process.env.OIDC_POST_LOGOUT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [{ ...signingKey, kid: 'stand-in-1', use: 'sig', alg: 'RS256' }] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: '',
        audience,
        accessTokenTTL: accessTokenTtl,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  // Hub's claims in the access token On-Call verifies (ADR 0081).
  extraTokenClaims: (_ctx, token) => {
    const account = accounts[token.accountId];
    return account
      ? { org_id: account.org_id, role: account.role, email: account.email, name: account.name }
      : {};
  },
  findAccount: (_ctx, id) =>
    accounts[id] && {
      accountId: id,
      claims: () => ({ sub: id, name: accounts[id].name, email: accounts[id].email }),
    },
  // First-party client: no consent page.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(SCOPE);
    grant.addResourceScope(audience, '');
    await grant.save();
    return grant;
  },
  clientBasedCORS: (_ctx, origin, client) =>
    client.redirectUris.some((uri) => new URL(uri).origin === origin),
  cookies: { keys: ['stand-in-cookie-key'] },
  ttl: {
    // A function, read at each issue: a number here would win over the resource server's TTL and
    // keep the value the process started with.
    AccessToken: () => accessTokenTtl,
    Session: 3600,
    Interaction: 600,
    Grant: 3600,
    AuthorizationCode: 60,
    IdToken: 3600,
  },
});
provider.proxy = false;
const server = provider.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
// Ends kept-alive browser connections too: a test may close the stand-in before its browser.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
