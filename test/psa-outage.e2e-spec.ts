import { MessageBus } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';
import { externalIdOf, psaEnvironment, PsaOrganization, psaOrganization, setClockOffset } from './support/psa-fixtures'; // prettier-ignore
import { PsaStandIn } from './support/psa-stand-in';

const INCIDENTS = 20;

describe('PSA outage (PSA stand-in answering 503, platform clock fast-forwarded)', () => {
  let platform: PlatformHarness;
  let psa: PsaStandIn;
  let org: PsaOrganization;
  let bus: MessageBus;

  beforeAll(async () => {
    psa = await PsaStandIn.start();
    platform = await PlatformHarness.create('psa-outage');
    platform.configure({ ...psaEnvironment(psa), PLATFORM_CLOCK: 'test' });
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state', 'psa-sync');
    bus = await platform.connectBus();
    org = await psaOrganization(platform, 'outage-msp');
  }, 60_000);

  afterAll(async () => {
    await bus.close();
    await platform.close();
    await psa.close();
  });

  it('keeps every request while the PSA answers 503 for 60 s, then creates each ticket once', async () => {
    psa.failWith(503, 'Down for maintenance');
    const incidents: string[] = [];
    for (let i = 0; i < INCIDENTS; i++) {
      const incident = await org.incidents.trigger(`Outage incident ${i}`, { dedupKey: `outage-${i}` }, org.technician); // prettier-ignore
      expect((await org.incidents.act(org.technician, incident.incidentId, 'acknowledge')).status).toBe(200);
      incidents.push(incident.incidentId);
    }
    const delayed = 'PSA ticket delayed: Down for maintenance (HTTP 503); trying again';
    await waitFor('every incident to say its ticket is delayed', async () => {
      for (const id of incidents) {
        const { timeline } = await org.incidents.detail(org.technician, id);
        if (!timeline.items.some((entry) => entry.detail.summary === delayed)) return false;
      }
      return true;
    }, { timeoutMs: 20_000, intervalMs: 200 }); // prettier-ignore

    // 60 s of outage in 10 s steps: every lane comes due again and again, and is refused each time.
    for (let seconds = 10; seconds <= 60; seconds += 10) {
      const refusals = psa.requests.length;
      await setClockOffset(bus, seconds * 1_000);
      await waitFor(`retries at +${seconds} s`, () => psa.requests.length > refusals, { timeoutMs: 10_000 });
    }
    expect(psa.tickets.size).toBe(0);
    expect(psa.requests.filter((request) => request.status === 503).length).toBeGreaterThan(INCIDENTS * 2);

    psa.recover();
    await setClockOffset(bus, 60_000 + 5 * 60_000);
    await waitFor('every ticket created', () => psa.tickets.size === INCIDENTS, { timeoutMs: 20_000 });
    await waitFor('every ticket on its incident', async () => {
      for (const id of incidents) if (!(await org.incidents.detail(org.technician, id)).incident.ticket) return false;
      return true;
    }, { timeoutMs: 20_000, intervalMs: 200 }); // prettier-ignore
    for (const id of incidents) expect(psa.ticketByExternalId(externalIdOf(org.orgId, id))).toBeDefined();
    expect(psa.requests.filter((request) => request.status === 201)).toHaveLength(INCIDENTS);
    expect(psa.requests.filter((request) => request.status === 409)).toHaveLength(0);
  }, 120_000);
});
