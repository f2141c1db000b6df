import { loadOrCreateDevSigningKey, ROLE_PERMISSIONS, ROLES, signDevToken } from '@oncall/platform-auth';
import { REPO_ROOT, waitFor } from '@oncall/platform-testing';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { API_TYPES_FILE, fetchOpenApiDocument, generateApiTypes } from '../apps/admin-spa/api-types';
import {
  AUDIT_READER_ROLES,
  CONFIGURER_ROLES,
  REPORT_READER_ROLES,
  RESPONDER_ROLES,
} from '../apps/admin-spa/src/auth/permissions';
import { ensureAdminSpaBuilt, SPA_DIST_DIR } from '../apps/admin-spa/spa-build';
import { DEMO_USERS, DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { IncidentApi } from './support/incident-api';
import { PlatformHarness } from './support/platform-harness';
import { externalIdOf, psaEnvironment } from './support/psa-fixtures';
import { PsaStandIn } from './support/psa-stand-in';
import { dailyLayer, scheduleBody, turnAt } from './support/schedule-fixtures';
import { type PersistentChromium, persistentChromium } from './support/spa-platform';

const SCREENSHOT = join(REPO_ROOT, 'tmp', 'admin-spa.png');
const UI_TIMEOUT_MS = 10_000;
const [, TAYLOR, JORDAN] = DEMO_USERS;
/** How the SPA writes an instant for a viewer in UTC with the en-GB locale (e.g. "6 Dec 2026, 09:00 UTC"). */
const UTC_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }); // prettier-ignore

describe('The admin SPA, in Chromium, against the platform', () => {
  let platform: PlatformHarness;
  let demo: DemoOrganization;
  let incidents: IncidentApi;
  let manager: string;
  let context: BrowserContext;
  let page: Page;
  let psa: PsaStandIn;
  let profile: PersistentChromium;
  const base = () => platform.url('admin-api');

  beforeAll(async () => {
    const [harness] = await Promise.all([PlatformHarness.create('spa'), ensureAdminSpaBuilt()]);
    psa = await PsaStandIn.start();
    platform = harness.configure({ SPA_DIST_DIR, ...psaEnvironment(psa) });
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state', 'scheduling', 'psa-sync'); // prettier-ignore
    demo = await platform.seedDemo();
    incidents = new IncidentApi(platform, demo.integrationKey);
    manager = platform.token(demo.orgId, 'manager', demo.managerUserId);
    profile = await persistentChromium('oncall-chromium-', {
      timeoutMs: UI_TIMEOUT_MS,
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    ({ context, page } = profile);
  }, 60_000);

  afterAll(async () => {
    await profile?.close();
    await platform?.close();
    await psa?.close();
  });

  // The page hiding what a role may not do is proven in the browser: owners get no Acknowledge or Resolve
  // (below), technicians no policy editing and managers and owners the audit log (admin-spa-screens).
  it('keeps the SPA’s role lists (respond, configure, audit, reports) equal to the permission table’s holders', () => {
    const holders = (permission: string) =>
      ROLES.filter((role) => (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission)).sort();
    expect([...RESPONDER_ROLES].sort()).toEqual(holders('incidents:respond'));
    expect([...CONFIGURER_ROLES].sort()).toEqual(holders('directory:write'));
    expect([...CONFIGURER_ROLES].sort()).toEqual(holders('schedules:write'));
    expect([...CONFIGURER_ROLES].sort()).toEqual(holders('escalation-policies:write'));
    expect([...AUDIT_READER_ROLES].sort()).toEqual(holders('audit:read'));
    expect([...REPORT_READER_ROLES].sort()).toEqual(holders('reports:read'));
  });

  it('has API types generated from the OpenAPI document admin-api serves now', async () => {
    const generated = await generateApiTypes(await fetchOpenApiDocument(base()));
    // UPDATE_API_TYPES=1 rewrites the file instead (what `npx nx run admin-spa:api-types` does).
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(API_TYPES_FILE, generated);
    const checkedIn = existsSync(API_TYPES_FILE) ? readFileSync(API_TYPES_FILE, 'utf8') : '';
    expect(checkedIn === generated ? 'current' : 'stale: run npx nx run admin-spa:api-types').toBe('current');
  }, 90_000);

  it('serves the SPA at / and on its own paths, never in place of the API, probes or missing files', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const root = await fetch(`${base()}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('text/html');
    expect(root.headers.get('content-security-policy')).toContain("default-src 'self'");
    const indexHtml = await root.text();
    expect(indexHtml).toContain('<div id="root">');

    const deepLink = await fetch(`${base()}/incidents/00000000-0000-4000-8000-000000000000`, {
      headers: html,
    });
    // The same page but for its style nonce, fresh in each answer (ADR 0137).
    const withoutNonce = (page: string) => page.replace(/(<meta name="csp-nonce" content=")[^"]*"/, '$1"');
    expect([deepLink.status, withoutNonce(await deepLink.text())]).toEqual([200, withoutNonce(indexHtml)]);

    const api = await fetch(`${base()}/api/v1/nothing-here`, { headers: html });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${base()}/api/v1/incidents`, { headers: html })).status).toBe(401);
    const health = await fetch(`${base()}/healthz`, { headers: html });
    expect([health.status, health.headers.get('content-type')]).toEqual([
      200,
      expect.stringContaining('json'),
    ]);
    expect((await fetch(`${base()}/missing.js`, { headers: html })).status).toBe(404);

    const script = readdirSync(join(SPA_DIST_DIR, 'assets')).find((file) => file.endsWith('.js'))!;
    const asset = await fetch(`${base()}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('sends security headers with every answer: the SPA’s policy for its files, none-at-all for the API', async () => {
    const spaPolicy = (await fetch(`${base()}/`)).headers.get('content-security-policy');
    expect(spaPolicy).toContain("script-src 'self'");
    expect(spaPolicy).toContain("frame-ancestors 'none'");
    for (const response of [
      await fetch(`${base()}/api/v1/incidents`),
      await platform.api('/api/v1/me', manager),
      await fetch(`${base()}/healthz`),
    ]) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none'", // as helmet writes it
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('ships no source maps', () => {
    const assets = readdirSync(join(SPA_DIST_DIR, 'assets'));
    expect(assets.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of assets.filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(join(SPA_DIST_DIR, 'assets', file), 'utf8')).not.toContain('sourceMappingURL');
    }
  });

  it('lets a technician see incidents live, acknowledge one, and add a note to it', async () => {
    const first = await incidents.trigger('SPA: Disk C: 95% full on FS01', { severity: 'critical' }, manager);
    const technicianToken = platform.token(demo.orgId, 'technician', 'demo-tech-1');
    // The browser runs in UTC; the technician's profile says Berlin, and the SPA shows times in Berlin time.
    const profile = await platform.api('/api/v1/me', technicianToken, {
      method: 'PATCH',
      body: JSON.stringify({ timeZone: 'Europe/Berlin' }),
    });
    expect(profile.status).toBe(200);
    const technician = (await profile.json()) as { id: string };
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${base()}/`);
    await signIn(page, technicianToken);
    await expectText(page.locator('.who'), ['demo-tech-1', 'technician']);
    await rowOf(page, first.title).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    // The stream is opened with a single-use ticket: the token never appears in an address.
    expect(requested.filter((url) => url.includes('/api/v1/live/incidents?ticket='))).not.toEqual([]);
    expect(requested.filter((url) => url.includes('access_token') || url.includes(technicianToken))).toEqual(
      [],
    );

    // A second alert shows up by itself: no reload (the marker would be gone).
    await page.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
    const second = await incidents.trigger('SPA: Backup job failed on SQL02', {}, manager);
    await rowOf(page, second.title).waitFor();
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const titles = await page.locator('tbody .incident-title a').allTextContents();
    expect(titles.indexOf(second.title)).toBeLessThan(titles.indexOf(first.title));

    await rowOf(page, first.title).getByRole('button', { name: 'Acknowledge' }).click();
    await rowOf(page, first.title).getByText('Acknowledged', { exact: true }).waitFor();
    // The read model catches up with the command a moment later.
    const acknowledged = await waitFor('the acknowledgement in the read model', async () => {
      const { incident } = await incidents.detail(manager, first.incidentId);
      return incident.status !== 'triggered' && incident;
    });
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedBy: technician.id });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await rowOf(page, first.title).getByRole('link', { name: first.title }).click();
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/incidents/${first.incidentId}`);
    const note = 'Cleared 20 GB of old logs; watching it.';
    await page.getByLabel('Add a note').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByRole('listitem').filter({ hasText: note }).waitFor();
    await expectText(timeline, ['Triggered', 'Acknowledged by demo-tech-1', 'Note added']);
    const times = await timeline.locator('time').allTextContents();
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (const time of times) expect(time).toMatch(/ (CET|CEST)$/);
    await expectText(page.getByRole('table').first(), ['SPA: Disk C: 95% full on FS01']);
    mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'tmp', 'admin-spa-incident.png'), fullPage: true });
    const stored = await incidents.detail(manager, first.incidentId);
    expect(stored.notes.items.map((n) => n.text)).toEqual([note]);
  }, 45_000);

  it('lets a technician ask for the PSA ticket and shows it on the incident (PSA stand-in)', async () => {
    const incident = await incidents.trigger(
      'SPA: Print queue stuck on PRN01',
      { severity: 'warning' },
      manager,
    );
    await page.goto(`${base()}/incidents/${incident.incidentId}`);
    await page.getByRole('heading', { level: 1, name: incident.title }).waitFor();
    await page.getByRole('button', { name: 'Create PSA ticket' }).click();
    const ticket = await waitFor('the ticket in the PSA', () => psa.ticketByExternalId(externalIdOf(demo.orgId, incident.incidentId))); // prettier-ignore
    await page.getByRole('link', { name: `psa #${ticket.id}` }).waitFor();
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText('PSA ticket pending (requested by hand)')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Create PSA ticket' }).count()).toBe(0);
    expect(psa.creates()).toHaveLength(2); // this one, and the one the acknowledgement above asked for
  });

  it('shows an owner the incidents without Acknowledge or Resolve buttons', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, platform.token(demo.orgId, 'owner'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await rowOf(page, 'SPA: Backup job failed on SQL02').getByText('Triggered', { exact: true }).waitFor();
    await expectText(page.locator('.who'), ['owner']);
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
  });

  it('shows, per schedule, who is on call until when and who is next', async () => {
    const created = await platform.api('/api/v1/schedules', manager, {
      method: 'POST',
      body: JSON.stringify(scheduleBody('Client servers 24/7', [dailyLayer([TAYLOR.id, JORDAN.id])])),
    });
    expect(created.status).toBe(201);
    const turn = turnAt([TAYLOR.id, JORDAN.id], 9, Date.now());
    // Names as the directory has them now (signing in with a token renames a person after its claims).
    const nameOf = async (userId: string) => ((await (await platform.api(`/api/v1/users/${userId}`, manager)).json()) as { name: string }).name; // prettier-ignore
    const now = { name: await nameOf(turn.userId) };
    const next = { name: await nameOf(turn.userId === TAYLOR.id ? JORDAN.id : TAYLOR.id) };
    expect(now.name).not.toBe(next.name);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'On call now' }).click();
    const card = page.getByRole('article', { name: 'Client servers 24/7' });
    // The owner's profile names no zone: times are in the browser's, UTC; the turn ends at the next 09:00.
    const handoff = UTC_TIME.format(turn.end);
    await expectText(card.locator('.on-call-now'), ['On call now', now.name, `until ${handoff} (in `]);
    await expectText(card.locator('.on-call-next'), ['Next', next.name, `from ${handoff}`]);
    expect(await card.locator('.on-call-now strong').allTextContents()).toEqual([now.name]);
    expect(await card.locator('.on-call-next strong').allTextContents()).toEqual([next.name]);
    const onCallEmail = ((await (await platform.api(`/api/v1/users/${turn.userId}`, manager)).json()) as { email: string }).email; // prettier-ignore
    expect(await card.getByRole('link', { name: `Email ${now.name}` }).getAttribute('href')).toBe(
      `mailto:${onCallEmail}`,
    );
    await page.screenshot({ path: join(REPO_ROOT, 'tmp', 'admin-spa-on-call.png') });
  });

  it('shows the problem detail beside the buttons when someone else changed the incident first', async () => {
    const stale = await context.newPage();
    try {
      // No live updates in this tab: it keeps showing the version it loaded.
      await stale.route('**/api/v1/live/**', (route) => route.abort());
      await stale.goto(`${base()}/`);
      await signIn(stale, platform.token(demo.orgId, 'technician', 'demo-tech-2'));
      const title = 'SPA: Backup job failed on SQL02';
      await rowOf(stale, title).getByRole('button', { name: 'Resolve' }).waitFor();
      const [summary] = (await incidents.list(manager)).items.filter((item) => item.title === title);
      expect((await incidents.act(manager, summary.incidentId, 'acknowledge')).status).toBe(200);
      const conflict = await incidents.act(manager, summary.incidentId, 'resolve', {
        expectedVersion: summary.version,
      });
      expect(conflict.status).toBe(409);

      await rowOf(stale, title).getByRole('button', { name: 'Resolve' }).click();
      // The same refusal; the version it names now may be later (psa-sync records the ticket meanwhile).
      const refusal = conflict.body.detail!.replace(/ \(now \d+\).*$/, '');
      await rowOf(stale, title).getByRole('alert').filter({ hasText: refusal }).waitFor();
      // The list reloads after a conflict: the row shows what happened meanwhile.
      await rowOf(stale, title).getByText('Acknowledged', { exact: true }).waitFor();
    } finally {
      await stale.close();
    }
  });

  it('reads a large incident a page at a time, newest first, loading older alerts on demand', async () => {
    // Thirty keys (repeats of one key would be one entry, counted): merged into the first incident.
    const flaps = [];
    for (let n = 1; n <= 30; n++) {
      const summary = n === 1 ? 'SPA: Flapping switch port' : `SPA: Flapping switch port, flap ${n}`;
      flaps.push(
        await incidents.trigger(summary, { severity: 'warning', dedupKey: `spa-flap-${n}` }, manager),
      );
    }
    const [first, ...others] = flaps;
    const merged = await incidents.act(manager, first.incidentId, 'merge', {
      sourceIncidentIds: others.map((incident) => incident.incidentId),
    });
    expect(merged.status).toBe(200);
    await waitFor('thirty alert entries on the incident', async () =>
      (await incidents.detail(manager, first.incidentId)).alertEntryCount === 30 ? true : undefined,
    );
    const tab = await context.newPage();
    try {
      await tab.goto(`${base()}/incidents/${first.incidentId}`);
      await signIn(tab, manager);
      const section = tab.getByRole('region', { name: 'Alerts (30)' });
      const alerts = section.getByRole('table').locator('tbody tr');
      await expectText(alerts.first(), ['flap 30']);
      expect(await alerts.count()).toBe(25);
      await section.getByText('25 of 30 shown').waitFor();
      await section.getByRole('button', { name: 'Load older alerts' }).click();
      await waitFor('the older alerts shown', async () => ((await alerts.count()) === 30 ? true : undefined));
      expect(await alerts.last().locator('td').nth(2).textContent()).toBe('SPA: Flapping switch port');
      expect(await section.getByRole('button', { name: 'Load older alerts' }).count()).toBe(0);
    } finally {
      await tab.close();
    }
  }, 45_000);

  it('answers an address that is not valid percent-encoding with Not found, not a blank page', async () => {
    await page.goto(`${base()}/incidents/%E0%A4%A`);
    await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
  });

  it('signs out by itself when the token expires, instead of reconnecting the live stream forever', async () => {
    const tab = await context.newPage();
    try {
      const hubUserId = 'demo-tech-expiring';
      // Provisioned beforehand, so the token's few seconds go to the browser.
      expect(
        (await platform.api('/api/v1/me', platform.token(demo.orgId, 'technician', hubUserId))).status,
      ).toBe(200);
      const key = loadOrCreateDevSigningKey(platform.env.DEV_SIGNING_KEY_FILE!);
      const claims = {
        sub: hubUserId,
        org_id: demo.orgId,
        email: `${hubUserId}@example.test`,
        name: hubUserId,
      };
      const expiring = signDevToken(key, { ...claims, role: 'technician' }, 6);
      await tab.goto(`${base()}/`);
      await signIn(tab, expiring);
      await tab.getByText('Live', { exact: true }).waitFor();
      // The server ends the stream when the token expires; the SPA asks /api/v1/me, gets 401, signs out.
      await tab.getByLabel('Access token').waitFor({ timeout: 20_000 });
      await tab.getByText('A valid bearer token is required', { exact: false }).waitFor();
    } finally {
      await tab.close();
    }
  }, 30_000);
});

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

function rowOf(page: Page, title: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** Waits until the locator's text contains every part; fails with the text it last saw. */
async function expectText(locator: Locator, parts: string[]): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent()) ?? '';
    if (parts.every((part) => text.includes(part))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect({ text, missing: parts.filter((part) => !text.includes(part)) }).toEqual({ text, missing: [] });
}
