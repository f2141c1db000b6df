import { AlertHistoryPage, IncidentPage, IncidentSummary } from '@oncall/contracts';
import { Clock, CLOCK, publishClockOffset } from '@oncall/platform-clock';
import { waitFor } from '@oncall/platform-testing';
import { DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { CorrelationCopies } from '../apps/dedup-grouping/src/collaborators/correlation-copies';
import { ServiceDirectory } from '../apps/dedup-grouping/src/collaborators/service-directory';
import { example, integrate, IssuedIntegration, postJson } from './support/intake-fixtures';
import { PlatformHarness } from './support/platform-harness';

/**
 * Issue 12, correlation configured in admin-api and applied by the correlator from its copies (ADR 0175):
 * client routing (two clients to two services, the rest to the integration's service), a grouping window,
 * and a weekly maintenance window in the client's zone across the night clocks go forward.
 */
describe('Correlation rules: routing, grouping, maintenance', () => {
  let platform: PlatformHarness;
  let demo: DemoOrganization;
  let manager: string;
  let rmm: IssuedIntegration;
  const ids: Record<string, string> = {};
  let clockOffsetMs = 0;

  beforeAll(async () => {
    platform = await PlatformHarness.create('corrrules');
    await platform.start('admin-api');
    // Only the gateway runs on the test clock: it stamps receivedAt, which every rule reads.
    platform.configure({ PLATFORM_CLOCK: 'test' });
    await platform.start('ingestion-gateway');
    platform.configure({ PLATFORM_CLOCK: undefined });
    await platform.start('dedup-grouping', 'incident-state');
    demo = await platform.seedDemo();
    manager = platform.token(demo.orgId, 'manager', demo.managerUserId);
    for (const [name, rmmExternalId] of [
      ['Bakkerij', 'site-a'],
      ['Tandarts', 'site-b'],
    ]) {
      const client = await create('/api/v1/clients', { name, rmmExternalId, timeZone: 'Europe/Amsterdam' });
      ids[rmmExternalId] = client.id;
      ids[`svc-${rmmExternalId}`] = (await create('/api/v1/services', { name: `${name} servers` })).id;
    }
    rmm = await integrate(platform, manager, demo.serviceId, 'rmm');
    const routed = await platform.api('/api/v1/routing-rules', manager, {
      method: 'PUT',
      body: JSON.stringify({
        rules: ['site-a', 'site-b'].map((site) => ({
          ruleId: `route-${site}`,
          serviceId: ids[`svc-${site}`],
          when: { clientIds: [ids[site]] },
        })),
      }),
    });
    expect(routed.status).toBe(200);
    const copies = platform.service('dedup-grouping').app.get(CorrelationCopies);
    await waitFor(
      'the correlator to copy the rules',
      () => copies.settingsFor(demo.orgId).rules.length === 2,
    );
  }, 90_000);
  afterAll(() => platform.close());

  async function create(path: string, body: object): Promise<{ id: string }> {
    const response = await platform.api(path, manager, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  }

  const incidents = async (): Promise<IncidentSummary[]> =>
    ((await (await platform.api('/api/v1/incidents?limit=200', manager)).json()) as IncidentPage).items;
  const titled = (title: string) =>
    waitFor(`incident "${title}"`, async () => (await incidents()).find((i) => i.title === title));
  const raise = async (alertId: string, site: string, device = 'FS01') => {
    const body = example('rmm-alert.v1', (b) => {
      Object.assign(b, { alertId, message: `RMM ${alertId}` });
      b.client.id = site;
      b.device.name = device;
    });
    const response = await postJson(rmm.alertUrl, body);
    expect(response.status).toBe(202);
    return ((await response.json()) as { alerts: { alertId: string }[] }).alerts[0].alertId;
  };
  const moveClockTo = async (instant: string) => {
    clockOffsetMs = Date.parse(instant) - Date.now();
    const bus = await platform.connectBus();
    try {
      await publishClockOffset(bus, clockOffsetMs);
    } finally {
      await bus.close();
    }
    const clock = platform.service('ingestion-gateway').app.get<Clock>(CLOCK);
    await waitFor(
      'the gateway clock to move',
      () => Math.abs(clock.now().getTime() - Date.parse(instant)) < 60_000,
    );
  };

  it('routes two clients to their services and an unmatched alert to the integration’s service', async () => {
    await raise('route-a', 'site-a');
    await raise('route-b', 'site-b');
    await raise('route-z', 'site-unknown');
    expect((await titled('RMM route-a')).serviceId).toBe(ids['svc-site-a']);
    expect((await titled('RMM route-b')).serviceId).toBe(ids['svc-site-b']);
    const fallback = await titled('RMM route-z');
    expect(fallback.serviceId).toBe(demo.serviceId);
    const incidentId = (await titled('RMM route-b')).incidentId;
    const history = await waitFor('the routed alert in the history', async () => {
      const page = (await (
        await platform.api(`/api/v1/incidents/${incidentId}/alert-history`, manager)
      ).json()) as AlertHistoryPage;
      return page.items.length > 0 ? page : undefined;
    });
    expect(history.items[0].routedTo).toEqual({ serviceId: ids['svc-site-b'], ruleId: 'route-site-b' });
  });

  it('groups alerts of one device of a service within its window into one incident', async () => {
    const patched = await platform.api(`/api/v1/services/${ids['svc-site-a']}`, manager, {
      method: 'PATCH',
      body: JSON.stringify({ grouping: { by: 'device', windowMinutes: 10 } }),
    });
    expect(patched.status).toBe(200);
    const services = platform.service('dedup-grouping').app.get(ServiceDirectory);
    await waitFor('the correlator to copy the grouping', () =>
      Boolean(services.routeOf(demo.orgId, ids['svc-site-a'])?.grouping),
    );
    await raise('group-1', 'site-a', 'NAS01');
    const opened = await titled('RMM group-1');
    await raise('group-2', 'site-a', 'nas01');
    await raise('group-3', 'site-a', 'NAS01');
    await raise('other-device', 'site-a', 'NAS02');
    await titled('RMM other-device');
    const grouped = await waitFor('three alerts on one incident', async () => {
      const found = (await incidents()).find((i) => i.incidentId === opened.incidentId);
      return found?.alertCount === 3 ? found : undefined;
    });
    expect(grouped.alertCount).toBe(3);
    expect((await incidents()).filter((i) => i.title.startsWith('RMM group-'))).toHaveLength(1);

    await moveClockTo(new Date(Date.now() + clockOffsetMs + 11 * 60_000).toISOString());
    await raise('group-4', 'site-a', 'NAS01');
    expect((await titled('RMM group-4')).incidentId).not.toBe(opened.incidentId);
  });

  it('records client B’s alerts inside its weekly patch night across the spring-forward night, and pages after', async () => {
    const window = await create('/api/v1/maintenance-windows', {
      name: 'Patch night',
      window: {
        scope: { clientId: ids['site-b'] },
        kind: 'weekly',
        timeZone: 'Europe/Amsterdam',
        days: [7],
        start: '01:00',
        end: '04:00',
      },
    });
    const copies = platform.service('dedup-grouping').app.get(CorrelationCopies);
    await waitFor(
      'the correlator to copy the window',
      () => copies.settingsFor(demo.orgId).windows.length === 1,
    );
    // 03:30 CEST on 28 March 2027: an hour after the clocks jumped from 02:00 to 03:00.
    await moveClockTo('2027-03-28T01:30:00Z');
    const recorded = await raise('patch-night-b', 'site-b');
    await raise('patch-night-a', 'site-a', 'WS01');
    await titled('RMM patch-night-a');
    const entry = await waitFor('the recorded alert', async () =>
      (
        (await (
          await platform.api('/api/v1/alert-history?disposition=record', manager)
        ).json()) as AlertHistoryPage
      ).items.find((item) => item.alertId === recorded),
    );
    expect(entry).toMatchObject({ incidentId: null, recordReason: `inside maintenance window ${window.id}` });
    expect((await incidents()).find((i) => i.title === 'RMM patch-night-b')).toBeUndefined();

    // 04:30 CEST: the window is over.
    await moveClockTo('2027-03-28T02:30:00Z');
    await raise('after-night-b', 'site-b');
    expect((await titled('RMM after-night-b')).serviceId).toBe(ids['svc-site-b']);
  });
});
