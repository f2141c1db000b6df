import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';
import { PsaOrganization, psaOrganization } from './support/psa-fixtures';
import { untilIncidentProjectionsCaughtUp } from './support/settled';

/** PSA_API_URL unset: the feature is off, visibly, and nothing else changes. */
describe('PSA not configured', () => {
  let platform: PlatformHarness;
  let org: PsaOrganization;

  beforeAll(async () => {
    platform = await PlatformHarness.create('psa-off');
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state', 'psa-sync');
    org = await psaOrganization(platform, 'off-msp', { ticketMode: 'on-trigger' });
  }, 60_000);
  afterAll(() => platform.close());

  it('says so, refuses a ticket request with a reason, and lets incidents run their course', async () => {
    const status = await waitFor('psa-sync’s state record', async () => {
      const answer = (await (await platform.api('/api/v1/psa/status', org.technician)).json()) as { provider?: unknown }; // prettier-ignore
      return answer;
    });
    expect(status).toEqual({ configured: false, provider: null, capabilities: null });

    const incident = await org.incidents.trigger('Nothing to ticket', {}, org.technician);
    expect((await org.incidents.act(org.technician, incident.incidentId, 'acknowledge')).status).toBe(200);
    expect((await org.incidents.act(org.technician, incident.incidentId, 'notes', { text: 'Note' })).status).toBe(201); // prettier-ignore
    expect((await org.incidents.act(org.technician, incident.incidentId, 'resolve')).status).toBe(200);

    const asked = await platform.api(`/api/v1/incidents/${incident.incidentId}/ticket`, org.technician, { method: 'POST' }); // prettier-ignore
    expect(asked.status).toBe(409);
    expect(await asked.json()).toMatchObject({ code: 'PSA_NOT_CONFIGURED', detail: expect.stringContaining('PSA_API_URL') }); // prettier-ignore
    await untilIncidentProjectionsCaughtUp(platform);
    const { incident: after, timeline } = await org.incidents.detail(org.technician, incident.incidentId);
    expect(after.ticket).toBeNull();
    expect(timeline.items.filter((entry) => entry.type === 'ActivityRecorded')).toEqual([]);
    const queued = await platform.withSchema('psa_sync', (db) => db.query('SELECT count(*)::int AS n FROM ticket_links, ticket_operations')); // prettier-ignore
    expect(queued).toEqual([{ n: 0 }]);
    // The settings can be prepared before the PSA is connected.
    expect((await platform.api('/api/v1/psa/settings', org.manager)).status).toBe(200);
  }, 60_000);

  it('answers a ticket request for an unknown incident with 404, before asking psa-sync anything', async () => {
    const response = await platform.api('/api/v1/incidents/00000000-0000-4000-8000-000000000000/ticket', org.technician, { method: 'POST' }); // prettier-ignore
    expect(response.status).toBe(404);
  });
});
