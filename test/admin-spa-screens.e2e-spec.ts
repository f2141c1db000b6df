import { waitFor } from '@oncall/platform-testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SPA_DIST_DIR } from '../apps/admin-spa/spa-build';
import { EXAMPLE_BODIES } from '../apps/admin-spa/src/services/example-request';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { dailyLayer, scheduleBody } from './support/schedule-fixtures';
import {
  checkDesktopThenPhone,
  contentWidth,
  followMainNavigation,
  mainNavigationLink,
  openMainScreen,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
} from './support/spa-browser';
import { useSpaPlatform } from './support/spa-platform';
import type { Page } from 'playwright-core';

const FIRST_PAGE_GZIP_BUDGET = 250 * 1024;
const [, TAYLOR, JORDAN] = DEMO_USERS;

describe('The admin SPA’s screens, in Chromium, against the platform', () => {
  const spa = useSpaPlatform({
    label: 'spa_screens',
    services: ['admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state', 'scheduling', 'escalation', 'reporting'], // prettier-ignore
  });

  /** Opens the main screens that have no test of their own here and saves each one's screenshot. */
  async function screenshotMainScreens(
    page: Page,
    viewport: 'phone' | 'desktop',
    check: () => Promise<void> = () => Promise.resolve(),
  ) {
    for (const [label, name] of [
      ['On call now', 'on-call'],
      ['Escalation policies', 'policies'],
      ['Services', 'services'],
    ]) {
      await openMainScreen(page, label);
      await check();
      await screenshot(page, `${name}-${viewport}`);
    }
  }

  it('keeps the first page’s JavaScript under 250 KB gzipped (heavy screens load on demand), built for production', () => {
    const html = readFileSync(join(SPA_DIST_DIR, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    // React's development bundle (built when NODE_ENV is not production) names every source file in it.
    for (const file of scripts)
      expect(readFileSync(join(SPA_DIST_DIR, file), 'utf8')).not.toContain('jsxDEV');
    const gzipped = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(SPA_DIST_DIR, file))).length,
      0,
    );
    console.log(`first page JS: ${scripts.join(', ')} = ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(FIRST_PAGE_GZIP_BUDGET);
  });

  it('lets a manager build a two-step policy, previewing who each step would page now', async () => {
    const created = await spa.platform.api('/api/v1/schedules', spa.manager, {
      method: 'POST',
      body: JSON.stringify(scheduleBody('Servers 24/7', [dailyLayer([TAYLOR.id, JORDAN.id])])),
    });
    expect(created.status).toBe(201);
    await spa.whileSignedIn(spa.manager, async (page) => {
      await mainNavigationLink(page, 'Escalation policies').click();
      await page.getByText('No escalation policies yet.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'New policy' }).click();
      // Checked before sending: the problem beside the field, nothing sent.
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page.getByText('Give the policy a name.').waitFor();
      await page.getByText('Choose who this step pages.').waitFor();

      await page.getByLabel('Name').fill('Servers: schedule, then the manager');
      await page.getByRole('button', { name: 'Add target to step 1' }).click();
      await page.getByLabel('Step 1 target 1', { exact: true }).selectOption({ label: 'Servers 24/7' });
      const step1 = page.getByRole('listitem', { name: 'Step 1' });
      const onCallNow = await waitFor('who is on call now', async () => {
        const text = (await step1.locator('.preview').textContent()) ?? '';
        return [TAYLOR.name, JORDAN.name].find((name) => text.includes(name));
      });
      expect(onCallNow).toBeDefined();
      await page.getByLabel('Minutes before the next step (step 1)').fill('10');
      await page.getByRole('button', { name: 'Add step' }).click();
      await page.getByRole('button', { name: 'Add target to step 2' }).click();
      await page.getByLabel('Step 2 target 1 type').selectOption('user');
      // The manager's own record (its name is the token's, provisioned just in time).
      await page.getByLabel('Step 2 target 1', { exact: true }).selectOption(DEMO_USERS[0].id);
      const step2 = page.getByRole('listitem', { name: 'Step 2' }).locator('.preview');
      await page.waitForFunction(
        (element) => !element?.textContent?.includes('nobody yet'),
        await step2.elementHandle(),
      );
      await screenshot(page, 'policy-editor-desktop');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save policy' }).click();

      const row = page.getByRole('row').filter({ hasText: 'Servers: schedule, then the manager' });
      await row.waitFor();
      expect(await row.locator('td').nth(1).textContent()).toBe('2');
      const stored = (await (await spa.platform.api('/api/v1/escalation-policies', spa.manager)).json()) as {
        items: { name: string; steps: { delayMinutes: number; targets: { type: string }[] }[] }[];
      };
      expect(stored.items[0].steps.map((step) => [step.delayMinutes, step.targets[0].type])).toEqual([
        [10, 'schedule'],
        [30, 'user'],
      ]);
      await screenshot(page, 'policies-desktop');
    });
  }, 180_000);

  it('lets a manager create a service on that policy and an integration whose key is shown once, with an example request', async () => {
    await spa.whileSignedIn(spa.manager, async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: spa.base() });
      await followMainNavigation(page, 'Services');
      await page.getByRole('button', { name: 'New service' }).click();
      await page.getByRole('button', { name: 'Create service' }).click();
      await page.getByText('Give the service a name.').waitFor();
      await page.getByLabel('Service name').fill('ACME servers');
      await page
        .getByLabel('Escalation policy')
        .selectOption({ label: 'Servers: schedule, then the manager' });
      await page.getByRole('button', { name: 'Create service' }).click();
      const section = page.getByRole('region', { name: 'ACME servers' });
      await section.getByText('Escalation policy: Servers: schedule, then the manager').waitFor();
      await section.getByText('No integrations', { exact: false }).waitFor();

      await section.getByLabel('Integration name').fill('ACME RMM');
      await section.getByLabel('Sends').selectOption('generic');
      await section.getByRole('button', { name: 'Add integration' }).click();
      const key = (await section.getByLabel('Integration key').textContent())!;
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      const curl = (await section.getByLabel('Example request').textContent())!;
      expect(curl).toContain(`/v1/alerts/generic/${key}`);
      await section.getByRole('button', { name: 'Copy key' }).click();
      await section.getByRole('button', { name: 'Copied' }).waitFor();
      expect(
        await page.evaluate(() =>
          (
            globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
          ).navigator.clipboard.readText(),
        ),
      ).toBe(key);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'services-new-key-desktop');

      await section.getByRole('button', { name: 'I have stored the key' }).click();
      await section.getByText(`key …${key.slice(-4)}`, { exact: false }).waitFor();
      await section.getByLabel('Integration key').waitFor({ state: 'detached' });
      expect(await page.getByText(key).count()).toBe(0);
      // The key is gone, but the gateway URL and an example with a placeholder for the key stay.
      await section.getByText('Example request for ACME RMM').click();
      expect(await section.getByLabel('Sample curl for ACME RMM').textContent()).toContain(
        '/v1/alerts/generic/YOUR-INTEGRATION-KEY',
      );
      await spa.platform.untilGatewayKnows(key);
      // The example request the SPA showed is accepted with the key it showed.
      const posted = await spa.platform.postAlert(key, EXAMPLE_BODIES.generic);
      expect(posted.status).toBe(202);
      await screenshot(page, 'services-desktop');
    });
  }, 180_000);

  it('shows a technician the policies without offering to change them', async () => {
    await spa.whileSignedIn(spa.technician, async (page) => {
      await page.goto(`${spa.base()}/escalation-policies`);
      await page.getByRole('row').filter({ hasText: 'Servers: schedule, then the manager' }).waitFor();
      expect(await page.getByRole('button', { name: 'New policy' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
      expect(await mainNavigationLink(page, 'Audit log').count()).toBe(0);
      expect(await mainNavigationLink(page, 'Reports').count()).toBe(0);
    });
  }, 180_000);

  it('lets a technician on a 375 px phone see an incident arrive live and acknowledge it', async () => {
    await spa.whileSignedIn(
      spa.technician,
      async (page) => {
        await page.getByText('Live', { exact: true }).waitFor();
        const incident = await spa.incidents.trigger(
          'SPA phone: VPN tunnel down at ACME',
          { severity: 'critical' },
          spa.manager,
        );
        const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: incident.title }) });
        await row.waitFor();
        expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'incidents-phone');
        await row.getByRole('button', { name: 'Acknowledge' }).click();
        await row.getByText('Acknowledged', { exact: true }).waitFor();
        await row.getByRole('link', { name: incident.title }).click();
        await page.getByRole('heading', { level: 1, name: incident.title }).waitFor();
        await screenshot(page, 'incident-phone');
        await screenshotMainScreens(page, 'phone');
      },
      PHONE,
    );
  }, 180_000);

  it('shows the owner the incidents in the reports, each chart with its numbers, and exports CSV', async () => {
    const owner = spa.platform.token(spa.demo.orgId, 'owner');
    await spa.whileSignedIn(owner, async (page) => {
      await mainNavigationLink(page, 'Reports').click();
      const severities = page.getByRole('region', { name: 'Volume by severity' });
      // The reporting projection catches up with the incidents of the tests above.
      await waitFor(
        'the critical incidents in the report',
        async () => {
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
          await page.locator('.figures, .problem').first().waitFor();
          const problem = page.locator('main > .problem');
          if ((await problem.count()) > 0)
            throw new Error(`the reports answered: ${await problem.textContent()}`);
          return (await severities.getByRole('row', { name: /critical/ }).count()) > 0 ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      const critical = await severities
        .getByRole('row', { name: /critical/ })
        .locator('td')
        .textContent();
      expect(Number(critical)).toBeGreaterThanOrEqual(1);
      expect(await page.getByRole('region', { name: 'Key figures' }).textContent()).toContain('MTTA');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export incidents CSV' }).click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split(/\r?\n/)[0]).toBe('figure,key,value');
      expect(csv).toContain('critical');
      await checkDesktopThenPhone(page, 'reports', { mustFit: false });
    });
  }, 180_000);

  it('shows managers and owners the audit log of the changes made above', async () => {
    await spa.whileSignedIn(spa.platform.token(spa.demo.orgId, 'owner'), async (page) => {
      await mainNavigationLink(page, 'Audit log').click();
      const changes = page.getByRole('region', { name: 'Changes' });
      await changes.getByRole('row').filter({ hasText: 'service.created' }).waitFor();
      await page.getByLabel('Changes to').selectOption('integration');
      await changes.getByRole('row').filter({ hasText: 'integration.created' }).first().waitFor();
      expect(await changes.getByRole('row').filter({ hasText: 'service.created' }).count()).toBe(0);
      await checkDesktopThenPhone(page, 'audit-log', { mustFit: false });
    });
  }, 180_000);

  it('finds nothing serious for axe on the main screens, and saves their desktop screenshots', async () => {
    await spa.whileSignedIn(spa.manager, async (page) => {
      await page.getByRole('row').filter({ hasText: 'SPA phone: VPN tunnel down at ACME' }).waitFor();
      // Every link of the main navigation on one row at 1280 px, under its group's label.
      const nav = page.getByRole('navigation', { name: 'Main' });
      const tops = new Set<number>();
      for (const link of await nav.getByRole('link').all())
        tops.add(Math.round((await link.boundingBox())!.y));
      expect(tops.size).toBe(1);
      await nav.getByRole('group', { name: 'Set up' }).getByRole('link', { name: 'Schedules' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'incidents-desktop');
      await page.getByRole('link', { name: 'SPA phone: VPN tunnel down at ACME' }).click();
      await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'incident-desktop');
      await screenshotMainScreens(page, 'desktop', async () =>
        expect(await seriousAccessibilityViolations(page)).toEqual([]),
      );
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Access token').waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'sign-in-desktop');
      await page.setViewportSize(PHONE);
      await screenshot(page, 'sign-in-phone');
    });
  }, 180_000);
});
