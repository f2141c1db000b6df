import { waitFor } from '@oncall/platform-testing';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { type StandInAccount } from './support/oidc-stand-in';
import {
  contentWidth,
  DESKTOP,
  mainNavigationLink,
  openNewForm,
  PHONE,
  seriousAccessibilityViolations,
  type WatchedPage,
} from './support/spa-browser';
import { useSpaPlatform } from './support/spa-platform';

const [MORGAN, TAYLOR, JORDAN] = DEMO_USERS;
const OWNER = { hubUserId: 'scenario-owner', name: 'Olive Owner', email: 'olive@demo-msp.example' };
const DAY_MS = 86_400_000;

const SCHEDULE = 'Scenario desk';
const POLICY = 'Scenario: desk, then the manager';
const SERVICE = 'ACME firewalls';
const TITLE = 'Scenario: VPN tunnel down at ACME HQ';

/** What the checks below read in the page (the test is compiled without the DOM's types). */
interface Browserish {
  scenarioMarker?: string;
}

/** Yesterday (UTC) as YYYY-MM-DD: every layer has handed over at least once before the alert. */
function yesterday(): string {
  return new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
}

/** The hour before this one (UTC), as HH:00: a restriction from then for 12 hours covers the whole test. */
function hourAgo(): string {
  return `${String((new Date().getUTCHours() + 23) % 24).padStart(2, '0')}:00`;
}

describe('The issue 15 scenario in Chromium: Hub sign-in, schedule, policy, service, a live incident on a phone, the reports', () => {
  // Declared first, so run first: before the browser closes.
  afterAll(() => manager?.context.close());
  const spa = useSpaPlatform({
    label: 'spa_scenario',
    services: ['admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state', 'scheduling', 'escalation', 'reporting'], // prettier-ignore
    hubAccounts: (demo) => {
      const account = (role: StandInAccount['role'], who: { email: string; name: string }) => ({
        org_id: demo.orgId,
        role,
        email: who.email,
        name: who.name,
      });
      return {
        [MORGAN.hubUserId]: account('manager', MORGAN),
        [TAYLOR.hubUserId]: account('technician', TAYLOR),
        [JORDAN.hubUserId]: account('technician', JORDAN),
        [OWNER.hubUserId]: account('owner', OWNER),
      };
    },
  });
  let integrationKey: string;

  /**
   * A fresh browser (no Hub session yet) signed in through the stand-in's login form as `login`, and the
   * console errors the SPA's own pages report (the stand-in's page asks for a web font it cannot reach).
   */
  async function signedInThroughHub(login: string, viewport = DESKTOP): Promise<WatchedPage> {
    const { context, page, errors } = await spa.watchedEntryPage(
      (message) => message.location().url.startsWith(spa.base()) && message.type() === 'error',
      viewport,
    );
    await page.getByRole('button', { name: 'Sign in with Hub' }).click();
    // The stand-in's development login form (any password); it has placeholders, not labels.
    await page.getByPlaceholder('Enter any login').fill(login);
    await page.getByPlaceholder('and password').fill('anything');
    await page.getByRole('button', { name: 'Sign-in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return { context, page, errors };
  }

  // The manager's browser, from sign-in to the integration key.
  let manager: WatchedPage;

  it('signs the manager in through the Hub stand-in', async () => {
    manager = await signedInThroughHub(MORGAN.hubUserId);
    await manager.page.locator('.who').getByText(MORGAN.name).waitFor();
    await manager.page.locator('.who').getByText('manager', { exact: true }).waitFor();
  }, 60_000);

  it('builds a two-layer schedule in the layer editor: Jordan around the clock, Taylor over it for 12 hours a day', async () => {
    const { page, errors } = manager;
    await openNewForm(page, 'Schedules', 'New schedule');
    await page.getByLabel('Name', { exact: true }).fill(SCHEDULE);
    await page.getByLabel('Time zone of the handoffs').fill('UTC');

    await page.getByLabel('Layer 1 name').fill('Around the clock');
    await page.getByRole('button', { name: 'Add participant to layer 1' }).click();
    await page.getByLabel('Layer 1 participant 1', { exact: true }).selectOption(JORDAN.id);
    await page.getByLabel('Layer 1 turn', { exact: true }).selectOption('weekly');
    await page.getByLabel('Layer 1 turn length (weeks)').fill('1');
    await page.getByLabel('Layer 1 first handoff (UTC)').fill(`${yesterday()}T09:00`);

    await page.getByRole('button', { name: 'Add layer' }).click();
    await page.getByLabel('Layer 2 name').fill('Day cover');
    await page.getByRole('button', { name: 'Add participant to layer 2' }).click();
    await page.getByLabel('Layer 2 participant 1', { exact: true }).selectOption(TAYLOR.id);
    await page.getByLabel('Layer 2 first handoff (UTC)').fill(`${yesterday()}T00:00`);
    await page.getByRole('button', { name: 'Add restriction to layer 2' }).click();
    await page.getByLabel('Layer 2 restriction 1 repeats').selectOption('daily');
    await page.getByLabel('Layer 2 restriction 1 from').fill(hourAgo());
    await page.getByLabel('Layer 2 restriction 1 hours').fill('12');

    // The preview, before saving, already has both layers taking turns.
    const preview = page.getByRole('region', { name: /^Preview/ });
    await preview.getByRole('cell', { name: 'Around the clock' }).first().waitFor();
    await preview.getByRole('cell', { name: 'Day cover' }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save schedule' }).click();

    const detail = page.getByRole('region', { name: SCHEDULE });
    await detail.getByRole('heading', { level: 2, name: SCHEDULE }).waitFor();
    const layers = (await page.locator('.layer-summary li').allInnerTexts()).join('\n');
    expect(layers).toContain('Around the clock');
    expect(layers).toContain('Day cover');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('builds a two-step escalation policy: the schedule (Taylor now), then the manager after 10 minutes', async () => {
    const { page, errors } = manager;
    await openNewForm(page, 'Escalation policies', 'New policy');
    await page.getByLabel('Name').fill(POLICY);
    await page.getByRole('button', { name: 'Add target to step 1' }).click();
    await page.getByLabel('Step 1 target 1', { exact: true }).selectOption({ label: SCHEDULE });
    // Who the schedule has on call now, by scheduling's reckoning: the restricted layer 2 wins.
    await page.getByRole('listitem', { name: 'Step 1' }).locator('.preview').getByText(TAYLOR.name).waitFor();
    await page.getByLabel('Minutes before the next step (step 1)').fill('10');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByRole('button', { name: 'Add target to step 2' }).click();
    await page.getByLabel('Step 2 target 1 type').selectOption('user');
    await page.getByLabel('Step 2 target 1', { exact: true }).selectOption(MORGAN.id);
    await page.getByRole('listitem', { name: 'Step 2' }).locator('.preview').getByText(MORGAN.name).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save policy' }).click();

    const row = page.getByRole('row').filter({ hasText: POLICY });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('2');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('creates a service on that policy and a generic integration, and reads its key, shown once', async () => {
    const { page, errors } = manager;
    await openNewForm(page, 'Services', 'New service');
    await page.getByLabel('Service name').fill(SERVICE);
    await page.getByLabel('Escalation policy').selectOption({ label: POLICY });
    await page.getByRole('button', { name: 'Create service' }).click();
    const section = page.getByRole('region', { name: SERVICE });
    await section.getByText(`Escalation policy: ${POLICY}`).waitFor();

    await section.getByLabel('Integration name').fill('ACME firewall syslog');
    await section.getByLabel('Sends').selectOption('generic');
    await section.getByRole('button', { name: 'Add integration' }).click();
    integrationKey = (await section.getByLabel('Integration key').textContent()) ?? '';
    expect(integrationKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await section.getByLabel('Example request').textContent()).toContain(
      `/v1/alerts/generic/${integrationKey}`,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'I have stored the key' }).click();
    await section.getByLabel('Integration key').waitFor({ state: 'detached' });
    expect(await page.getByText(integrationKey).count()).toBe(0);
    expect(errors).toEqual([]);
    await manager.context.close();
  }, 120_000);

  it('shows the alert a monitoring tool posts to a technician on call, on a 375 px phone, live, and lets them acknowledge it', async () => {
    expect(integrationKey).toMatch(/^[0-9a-f]{32}$/);
    const { context, page, errors } = await signedInThroughHub(TAYLOR.hubUserId, PHONE);
    try {
      await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
      await page.getByText('Live', { exact: true }).waitFor();
      // Survives only if the page is never reloaded: the incident must arrive through the live stream.
      await page.evaluate(() => ((globalThis as unknown as Browserish).scenarioMarker = 'no reload'));
      expect(await page.getByRole('link', { name: TITLE }).count()).toBe(0);

      await spa.platform.untilGatewayKnows(integrationKey);
      const posted = await fetch(
        `${spa.platform.url('ingestion-gateway')}/v1/alerts/generic/${integrationKey}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            summary: TITLE,
            severity: 'critical',
            source: 'fw-acme-hq',
            dedupKey: 'acme-hq-vpn',
          }),
        },
      );
      expect(posted.status).toBe(202);

      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) });
      await row.waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as Browserish).scenarioMarker)).toBe(
        'no reload',
      );
      await row.getByText(SERVICE).waitFor();
      await row.getByText('Triggered', { exact: true }).waitFor();
      expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await row.getByRole('button', { name: 'Acknowledge' }).click();
      await row.getByText('Acknowledged', { exact: true }).waitFor();
      await row.getByText(TAYLOR.name).waitFor();
      await row.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText('Acknowledged', { exact: true }).first().waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('counts the incident in the owner’s reports: one critical incident on the service, acknowledged', async () => {
    const { context, page, errors } = await signedInThroughHub(OWNER.hubUserId);
    try {
      await page.locator('.who').getByText('owner', { exact: true }).waitFor();
      await mainNavigationLink(page, 'Reports').click();
      const byService = page.getByRole('region', { name: 'Volume by service' });
      const figures = page.getByRole('region', { name: 'Key figures' });
      const mtta = figures
        .getByText('MTTA (mean)', { exact: true })
        .locator('xpath=following-sibling::strong');
      // The reporting projection catches up with the incident and its acknowledgement.
      await waitFor(
        'the acknowledged incident in the reports',
        async () => {
          await page.reload();
          // Tokens are kept in memory only: a reload signs in again, silently while Hub remembers.
          await page.getByRole('button', { name: 'Sign in with Hub' }).click();
          await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
          await page.locator('.figures, .problem').first().waitFor();
          const problem = page.locator('main > .problem');
          if ((await problem.count()) > 0)
            throw new Error(`the reports answered: ${await problem.textContent()}`);
          if ((await byService.getByRole('row', { name: SERVICE }).count()) === 0) return undefined;
          return (await mtta.textContent()) !== '—' ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      const incidentsFigure = figures
        .getByText('Incidents', { exact: true })
        .locator('xpath=following-sibling::strong');
      expect(await incidentsFigure.textContent()).toBe('1');
      expect(await byService.getByRole('row', { name: SERVICE }).getByRole('cell').textContent()).toBe('1');
      const severities = page.getByRole('region', { name: 'Volume by severity' });
      expect(
        await severities
          .getByRole('row', { name: /critical/ })
          .getByRole('cell')
          .textContent(),
      ).toBe('1');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
