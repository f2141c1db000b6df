import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import {
  HUB_CLIENT_ID,
  type PersistentChromium,
  persistentChromium,
  useSpaPlatform,
} from './support/spa-platform';

const [MORGAN] = DEMO_USERS;

describe('Hub sign-in in the admin SPA (a real oidc-provider standing in for Hub)', () => {
  const spa = useSpaPlatform({
    label: 'spa_hub',
    services: ['admin-api'],
    hubAccounts: (demo) => ({
      [MORGAN.hubUserId]: { org_id: demo.orgId, role: 'manager', email: MORGAN.email, name: MORGAN.name },
    }),
    browser: false,
  });
  let profile: PersistentChromium;
  let page: Page;

  beforeAll(async () => {
    profile = await persistentChromium('oncall-chromium-hub-', { timeoutMs: 15_000 });
    page = profile.page;
  });

  afterAll(() => profile?.close());

  it('tells the SPA to sign in through Hub, and lets it reach Hub from its pages', async () => {
    const config = await fetch(`${spa.base()}/api/v1/auth/config`);
    expect(await config.json()).toEqual({ mode: 'hub', issuer: spa.hub.issuer, clientId: HUB_CLIENT_ID });
    const policy = (await fetch(`${spa.base()}/`)).headers.get('content-security-policy');
    expect(policy).toContain(`connect-src 'self' ${spa.hub.issuer};`);
  });

  it('signs a manager in with the authorization code and PKCE, keeping the tokens out of storage and addresses', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${spa.base()}/on-call`);
    await page.getByRole('button', { name: 'Sign in with Hub' }).click();
    // The stand-in's development login form (any password).
    await page.locator('input[name="login"]').fill(MORGAN.hubUserId);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('heading', { level: 1, name: 'On call now' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/on-call');
    await page.locator('.who').getByText(MORGAN.name).waitFor();
    await page.locator('.who').getByText('manager', { exact: true }).waitFor();

    const authorize = requested.find((url) => url.startsWith(`${spa.hub.issuer}/auth?`));
    expect(authorize).toBeDefined();
    const params = new URL(authorize!).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('response_type')).toBe('code');
    expect(requested.some((url) => url.includes('access_token='))).toBe(false);
    const stored = (
      await page.evaluate(() => {
        const { localStorage, sessionStorage } = globalThis as unknown as Record<string, object>;
        return JSON.stringify([{ ...localStorage }, { ...sessionStorage }]);
      })
    ).toLowerCase();
    expect(stored).not.toContain('access_token');
    expect(stored).not.toContain('eyj'); // no JWT at all
  }, 45_000);

  it('signs in again through Hub after a reload (tokens were in memory), without a form while Hub remembers', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Sign in with Hub' }).click();
    await page.getByRole('heading', { level: 1, name: 'On call now' }).waitFor();
    await page.locator('.who').getByText(MORGAN.name).waitFor();
  });

  it('says when the Hub session has ended and offers to sign in again', async () => {
    spa.hub.shortenAccessTokens();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in with Hub' }).click();
    await page.locator('.who').getByText(MORGAN.name).waitFor();
    // The access token lasts 5 s now: the SPA signs out by itself and says why.
    await page.getByText('Your Hub session has ended. Sign in again to go on.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Sign in with Hub' }).waitFor();
  }, 45_000);

  it('refuses the pasted development token when Hub signs people in', async () => {
    expect(await page.getByLabel('Access token').count()).toBe(0);
    const devToken = spa.platform.token(spa.demo.orgId, 'manager');
    expect((await spa.platform.api('/api/v1/me', devToken)).status).toBe(401);
  });
});
