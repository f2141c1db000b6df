import type { IncidentPage } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { type Page } from 'playwright-core';
import { DEMO_INTEGRATION, DEMO_SERVICE, DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { EXAMPLE_BODIES } from '../apps/admin-spa/src/services/example-request';
import {
  checkDesktopThenPhone,
  DESKTOP,
  expectFitsPhone,
  mainNavigationLink,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
} from './support/spa-browser';
import { useSpaPlatform } from './support/spa-platform';

/** DEFEND_SERVICE_KEY must be at least 32 characters. */
const DEFEND_KEY = 'defend-flows-key-0123456789abcdef';
const [, TAYLOR] = DEMO_USERS;

describe('The admin SPA’s incident, routing and maintenance flows, in Chromium, against the platform', () => {
  const spa = useSpaPlatform({
    label: 'spa_flows',
    services: ['admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state'],
    environment: () => ({ DEFEND_SERVICE_KEY: DEFEND_KEY }),
  });

  async function openIncident(page: Page, incidentId: string, title: string): Promise<void> {
    await page.goto(`${spa.base()}/incidents/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline' });

  it('lets a manager snooze an incident, then reassign it, and the timeline shows both', async () => {
    const incident = await spa.incidents.trigger('Flows: backup job failed at ACME', {}, spa.manager);
    const acknowledged = await spa.incidents.act(spa.manager, incident.incidentId, 'acknowledge');
    expect(acknowledged.status).toBe(200);
    await spa.whileSignedIn(spa.manager, async (page) => {
      await openIncident(page, incident.incidentId, incident.title);
      const respond = page.getByRole('region', { name: 'Respond' });
      await respond.getByLabel('Snooze for').selectOption({ label: '1 hour' });
      await respond.getByRole('button', { name: 'Snooze' }).click();
      await page.getByText('Snoozed until').waitFor();
      await timeline(page).getByText('Snoozed', { exact: true }).waitFor();

      // Checked before sending: no person chosen, the problem beside the field.
      await respond.getByRole('button', { name: 'Reassign' }).click();
      await respond.getByText('Choose who takes it over.').waitFor();
      await respond.getByLabel('Person', { exact: true }).selectOption({ label: TAYLOR.name });
      await respond.getByRole('button', { name: 'Reassign' }).click();
      await timeline(page).getByText('Reassigned', { exact: true }).waitFor();
      await timeline(page).getByText(`To ${TAYLOR.name}`).waitFor();
      await timeline(page).getByText('Snoozed', { exact: true }).waitFor();
      const detail = await spa.incidents.detail(spa.manager, incident.incidentId);
      expect(detail.incident).toMatchObject({ status: 'triggered', assignedUserIds: [TAYLOR.id] });
      await checkDesktopThenPhone(page, 'incident-respond');
    });
  }, 180_000);

  it('lets a manager merge one incident into another', async () => {
    const target = await spa.incidents.trigger('Flows: FS01 unreachable', {}, spa.manager);
    const source = await spa.incidents.trigger('Flows: FS01 disk latency', {}, spa.manager);
    await spa.whileSignedIn(spa.manager, async (page) => {
      await openIncident(page, target.incidentId, target.title);
      const respond = page.getByRole('region', { name: 'Respond' });
      await respond.getByRole('button', { name: 'Merge' }).click();
      await respond.getByText('Choose the incident to merge into this one.').waitFor();
      await respond.getByLabel('Merge into this one').selectOption({ label: source.title });
      await respond.getByRole('button', { name: 'Merge' }).click();
      await page.getByRole('heading', { level: 2, name: 'Alerts (2)' }).waitFor();
      const merged = await waitFor('the source to be merged', async () => {
        const detail = await spa.incidents.detail(spa.manager, source.incidentId);
        return detail.mergedInto ? detail : undefined;
      });
      expect(merged).toMatchObject({ mergedInto: target.incidentId, incident: { status: 'resolved' } });
      await openIncident(page, source.incidentId, source.title);
      await page.getByText('Merged into', { exact: false }).waitFor();
      // A resolved incident offers nothing more to do.
      expect(await page.getByRole('region', { name: 'Respond' }).count()).toBe(0);
    });
  }, 180_000);

  it('filters the incident list by severity, and a reload keeps the filter', async () => {
    const critical = await spa.incidents.trigger(
      'Flows: filter core switch down',
      { severity: 'critical' },
      spa.manager,
    );
    const info = await spa.incidents.trigger(
      'Flows: filter certificate renews soon',
      { severity: 'info' },
      spa.manager,
    );
    await spa.whileSignedIn(spa.manager, async (page) => {
      await page.goto(`${spa.base()}/incidents`);
      const list = page.getByRole('tabpanel', { name: 'Incident list' });
      await list.getByText(critical.title).waitFor();
      await page.getByLabel('Severity').selectOption('info');
      await page.waitForURL(/[?&]severity=info/);
      await list.getByText(info.title).waitFor();
      await list.getByText(critical.title).waitFor({ state: 'detached' });
      await page.reload();
      await list.getByText(info.title).waitFor();
      expect(await page.getByLabel('Severity').inputValue()).toBe('info');
      expect(await list.getByText(critical.title).count()).toBe(0);
      await expectFitsPhone(page);
    });
  }, 180_000);

  it('offers a technician incident responses but no configuration, and an owner no responses', async () => {
    const incident = await spa.incidents.trigger('Flows: printer offline at ACME', {}, spa.manager);
    const tech = await spa.signedIn(spa.technician);
    try {
      await openIncident(tech.page, incident.incidentId, incident.title);
      const respond = tech.page.getByRole('region', { name: 'Respond' });
      await respond.getByRole('button', { name: 'Reassign' }).waitFor();
      // A technician may escalate by hand: a new incident is at level 1 of its policy.
      await respond.getByRole('button', { name: 'Escalate to level 2' }).click();
      await timeline(tech.page).getByText('Level 2', { exact: true }).waitFor();
      await respond.getByRole('button', { name: 'Escalate to level 3' }).waitFor();
      await mainNavigationLink(tech.page, 'Clients and routing').click();
      await tech.page.getByRole('heading', { level: 2, name: 'Routing rules' }).waitFor();
      await tech.page.getByRole('button', { name: 'Where would it go?' }).waitFor();
      expect(await tech.page.getByRole('button', { name: 'Add rule' }).count()).toBe(0);
      expect(await tech.page.getByRole('button', { name: 'Add client' }).count()).toBe(0);
      await mainNavigationLink(tech.page, 'Maintenance').click();
      await tech.page.getByRole('heading', { level: 2, name: 'Windows' }).waitFor();
      expect(await tech.page.getByRole('button', { name: 'Add window' }).count()).toBe(0);
    } finally {
      await tech.context.close();
    }
    const owner = await spa.signedIn(spa.platform.token(spa.demo.orgId, 'owner'));
    try {
      await openIncident(owner.page, incident.incidentId, incident.title);
      await owner.page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
      for (const name of ['Acknowledge', 'Resolve', 'Snooze', 'Reassign', 'Merge']) {
        expect(await owner.page.getByRole('button', { name, exact: true }).count()).toBe(0);
      }
    } finally {
      await owner.context.close();
    }
  }, 180_000);

  it('shows a Defend detection’s device, MITRE technique and recommended action at the top of its incident', async () => {
    const created = await spa.platform.api(
      `/api/v1/services/${spa.demo.serviceId}/integrations`,
      spa.manager,
      {
        method: 'POST',
        body: JSON.stringify({ type: 'defend', name: 'Defend' }),
      },
    );
    expect(created.status).toBe(201);
    await spa.platform.untilGatewaySees('the Defend integration', (directory) =>
      Boolean(directory.oldestLiveFor(spa.demo.orgId, 'defend')),
    );
    const posted = await fetch(`${spa.platform.url('ingestion-gateway')}/v1/alerts/defend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEFEND_KEY}` },
      body: JSON.stringify({ ...EXAMPLE_BODIES.defend, orgId: spa.demo.orgId }),
    });
    expect(posted.status).toBe(202);
    const incident = await waitFor('the Defend incident', async () => {
      const page = (await (
        await spa.platform.api('/api/v1/incidents?limit=50', spa.manager)
      ).json()) as IncidentPage;
      return page.items.find((item) => /LAPTOP-ANNA|PowerShell/.test(item.title));
    });
    await spa.whileSignedIn(
      spa.technician,
      async (page) => {
        await openIncident(page, incident.incidentId, incident.title);
        const panel = page.getByRole('region', { name: 'Defend detection' });
        await panel.getByText('LAPTOP-ANNA').waitFor();
        await panel.getByRole('link', { name: 'T1059.001 PowerShell (TA0002 Execution)' }).waitFor();
        await panel.getByText("Isolate the device and reset the user's credentials.").waitFor();
        // Prominent: above the actions and the summary.
        const panelTop = (await panel.boundingBox())!.y;
        const summaryTop = (await page.getByRole('heading', { level: 2, name: 'Summary' }).boundingBox())!.y;
        expect(panelTop).toBeLessThan(summaryTop);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await expectFitsPhone(page);
        await screenshot(page, 'incident-defend-phone');
        await page.setViewportSize(DESKTOP);
        await screenshot(page, 'incident-defend-desktop');
        // What Defend posted, as received, beside the alert it became.
        await page.getByText('Raw payloads as received').click();
        expect(
          await page
            .getByLabel(/^Raw payload of alert /)
            .first()
            .textContent(),
        ).toContain('det-5521');
      },
      PHONE,
    );
  }, 180_000);

  it('lets a manager add a maintenance window and a routing rule, and the tester names the right client and service', async () => {
    const service = await spa.platform.api('/api/v1/services', spa.manager, {
      method: 'POST',
      body: JSON.stringify({ name: 'Bakkerij servers' }),
    });
    expect(service.status).toBe(201);
    await spa.whileSignedIn(spa.manager, async (page) => {
      await mainNavigationLink(page, 'Clients and routing').click();
      await page.getByText('No clients yet.').waitFor();
      await page.getByLabel('Client name').fill('Bakkerij de Vries');
      await page.getByLabel('RMM id (optional)').fill('site-881');
      await page.getByRole('button', { name: 'Add client' }).click();
      await page.getByRole('cell', { name: 'Bakkerij de Vries' }).waitFor();

      const form = page.getByRole('form', { name: 'New routing rule' });
      await form.getByRole('button', { name: 'Add rule' }).click();
      await form.getByText('Choose the service these alerts go to.').waitFor();
      await form.getByLabel('Client is').selectOption({ label: 'Bakkerij de Vries' });
      await form.getByLabel('Send to service').selectOption({ label: 'Bakkerij servers' });
      await form.getByRole('button', { name: 'Add rule' }).click();
      await page
        .getByRole('list', { name: 'Routing rules' })
        .getByText('client Bakkerij de Vries', { exact: false })
        .waitFor();

      // A second rule, then tried first: order is meaning.
      await form.getByLabel('Device is one of').fill('FS01');
      await form.getByLabel('Send to service').selectOption({ label: DEMO_SERVICE.name });
      await form.getByRole('button', { name: 'Add rule' }).click();
      const rules = page.getByRole('list', { name: 'Routing rules' });
      await rules.getByText('device FS01', { exact: false }).waitFor();
      await rules.getByRole('button', { name: /^Move up rule to / }).click();
      await waitFor('the device rule first', async () => {
        const text = (await rules.locator('li').first().textContent()) ?? '';
        return text.includes('device FS01') ? true : undefined;
      });
      const stored = (await (await spa.platform.api('/api/v1/routing-rules', spa.manager)).json()) as {
        rules: { when: { devices?: string[] } }[];
      };
      expect(stored.rules.map((rule) => rule.when.devices ?? [])).toEqual([['FS01'], []]);

      const tester = page.getByRole('form', { name: 'Routing tester' });
      const verdict = page.getByRole('status', { name: 'Routing verdict' });
      await tester
        .getByLabel('Arrives at integration')
        .selectOption({ label: `${DEMO_INTEGRATION.name} (${DEMO_SERVICE.name})` });
      await tester.getByLabel('Client id the tool sends').fill('site-881');
      await tester.getByRole('button', { name: 'Where would it go?' }).click();
      await verdict.getByText('Bakkerij servers').waitFor();
      expect(await verdict.textContent()).toContain('client Bakkerij de Vries; it would page.');
      await tester.getByLabel('Client id the tool sends').fill('site-999');
      await tester.getByRole('button', { name: 'Where would it go?' }).click();
      await verdict.getByText(DEMO_SERVICE.name).waitFor();
      expect(await verdict.textContent()).toContain('no rule matched');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'clients-routing-desktop');

      await mainNavigationLink(page, 'Maintenance').click();
      await page.getByText('No maintenance windows.').waitFor();
      await page.getByRole('button', { name: 'Add window' }).click();
      await page.getByText('Give the window a name.').waitFor();
      await page.getByText('When does it start?').waitFor();
      const hour = 3600_000;
      const local = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 16);
      await page.getByLabel('Window name').fill('Bakkerij patch night');
      await page.getByLabel('Covers').selectOption({ label: 'Bakkerij servers' });
      await page.getByLabel('Starts', { exact: false }).fill(local(-hour));
      await page.getByLabel('Ends').fill(local(2 * hour));
      await page.getByRole('button', { name: 'Add window' }).click();
      await page
        .getByRole('list', { name: 'Maintenance windows' })
        .getByText('Bakkerij patch night')
        .waitFor();
      await checkDesktopThenPhone(page, 'maintenance');

      await page.setViewportSize(DESKTOP);
      await mainNavigationLink(page, 'Clients and routing').click();
      await tester
        .getByLabel('Arrives at integration')
        .selectOption({ label: `${DEMO_INTEGRATION.name} (${DEMO_SERVICE.name})` });
      await tester.getByLabel('Client id the tool sends').fill('site-881');
      await tester.getByRole('button', { name: 'Where would it go?' }).click();
      await verdict.getByText('maintenance window Bakkerij patch night', { exact: false }).waitFor();
      expect(await verdict.textContent()).toContain('Bakkerij servers');
      await expectFitsPhone(page);
      await screenshot(page, 'clients-routing-phone');
    });
  }, 180_000);

  it('lets a manager set a service’s support hours and timeouts, and shows each integration’s last alert', async () => {
    await spa.whileSignedIn(spa.manager, async (page) => {
      await mainNavigationLink(page, 'Services').click();
      const section = page.getByRole('region', { name: DEMO_SERVICE.name });
      await section.getByText('last alert', { exact: false }).first().waitFor();
      await section.getByRole('button', { name: `Edit settings of ${DEMO_SERVICE.name}` }).click();
      const form = section.getByRole('form', { name: `Settings of ${DEMO_SERVICE.name}` });
      await form.getByLabel('By support hours').check();
      await form.getByLabel('Re-trigger an acknowledged incident after', { exact: false }).fill('0');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('Whole minutes from 1 to 1440, or blank for never.').waitFor();
      await form.getByLabel('Re-trigger an acknowledged incident after', { exact: false }).fill('30');
      await form.getByLabel('Time zone').fill('Europe/Atlantis');
      await form.getByRole('button', { name: 'Save settings' }).click();
      // The API's problem, beside the field it names.
      await form.locator('.field-problem').first().waitFor();
      expect(await form.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Time zone').fill('Europe/Amsterdam');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await section
        .getByText('Mon, Tue, Wed, Thu, Fri 08:00–18:00 (Europe/Amsterdam): high urgency, otherwise low')
        .waitFor();
      await section.getByText('30 minutes').waitFor();
      const stored = (await (
        await spa.platform.api(`/api/v1/services/${spa.demo.serviceId}`, spa.manager)
      ).json()) as {
        ackTimeoutSeconds: number;
        urgencyRule: { kind: string };
      };
      expect(stored).toMatchObject({ ackTimeoutSeconds: 1800, urgencyRule: { kind: 'support-hours' } });
      await checkDesktopThenPhone(page, 'service-settings');
    });
  }, 180_000);

  it('answers the routing tester from the stored rules, and refuses an integration of no one', async () => {
    const tested = await spa.platform.api('/api/v1/routing-rules/test', spa.technician, {
      method: 'POST',
      body: JSON.stringify({ integrationId: DEMO_INTEGRATION.id, client: 'site-881', severity: 'info' }),
    });
    expect(tested.status).toBe(200);
    expect(await tested.json()).toMatchObject({
      serviceName: 'Bakkerij servers',
      clientName: 'Bakkerij de Vries',
      maintenanceWindow: { name: 'Bakkerij patch night' },
    });
    const unknown = await spa.platform.api('/api/v1/routing-rules/test', spa.manager, {
      method: 'POST',
      body: JSON.stringify({ integrationId: '5e7a1c2e-0d1f-4c55-9f0a-00000000ffff', severity: 'info' }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'integrationId',
    ]);
  });
});
