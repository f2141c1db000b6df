import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';
import {
  externalIdOf,
  PSA_PUBLIC_URL,
  psaEnvironment,
  PsaOrganization,
  psaOrganization,
  waitForLinkedTicket,
} from './support/psa-fixtures';
import { PsaStandIn } from './support/psa-stand-in';

describe('PSA tickets (PSA stand-in)', () => {
  let platform: PlatformHarness;
  let psa: PsaStandIn;
  let org: PsaOrganization;

  beforeAll(async () => {
    psa = await PsaStandIn.start();
    platform = await PlatformHarness.create('psa-tickets');
    platform.configure(psaEnvironment(psa));
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state', 'psa-sync');
    org = await psaOrganization(platform, 'psa-msp');
    const settings = await platform.api('/api/v1/psa/settings', org.manager, {
      method: 'PUT',
      body: JSON.stringify({ defaultBoard: 'Service Desk', serviceBoards: [{ serviceId: org.serviceId, board: 'NOC' }] }), // prettier-ignore
    });
    expect(settings.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await platform.close();
    await psa.close();
  });

  it('says a PSA is configured', async () => {
    const status = await platform.api('/api/v1/psa/status', org.technician);
    expect(await status.json()).toMatchObject({ configured: true, provider: 'psa', capabilities: { findByExternalId: true } }); // prettier-ignore
  });

  it('acknowledge → exactly one ticket with the client’s company, P1, the board and the text; notes and resolution follow in order', async () => {
    const incident = await org.incidents.trigger('Disk full on FS01', { severity: 'critical', device: 'FS01' }, org.technician); // prettier-ignore
    const externalId = externalIdOf(org.orgId, incident.incidentId);
    expect(psa.ticketByExternalId(externalId)).toBeUndefined();

    expect((await org.incidents.act(org.technician, incident.incidentId, 'acknowledge')).status).toBe(200);
    const detail = await waitForLinkedTicket(org, incident.incidentId);
    const ticket = psa.ticketByExternalId(externalId);
    expect(ticket).toMatchObject({ company: 'ACME-PSA', board: 'NOC', priority: 'P1', title: 'Disk full on FS01', device: 'FS01' }); // prettier-ignore
    expect(ticket?.description).toContain('Client: Acme Corp');
    expect(ticket?.description).toContain('Alert: Disk full on FS01');
    expect(ticket?.description).toContain(
      `Open in On-Call: ${PSA_PUBLIC_URL}/incidents/${incident.incidentId}`,
    );
    expect(detail.incident.ticket).toEqual({ provider: 'psa', ticketId: ticket?.id, url: `https://psa.example/tickets/${ticket?.id}` }); // prettier-ignore
    const timeline = detail.timeline.map((entry) => (entry.type === 'ActivityRecorded' ? entry.detail.summary : entry.type)); // prettier-ignore
    expect(timeline).toEqual(expect.arrayContaining(['PSA ticket pending (requested on acknowledgement)', 'TicketLinked'])); // prettier-ignore
    expect(timeline.indexOf('TicketLinked')).toBeGreaterThan(timeline.indexOf('PSA ticket pending (requested on acknowledgement)')); // prettier-ignore

    for (const text of ['First finding: the log volume filled up', 'Rotated the logs, 40% free'])
      expect((await org.incidents.act(org.technician, incident.incidentId, 'notes', { text })).status).toBe(
        201,
      );
    expect((await org.incidents.act(org.technician, incident.incidentId, 'resolve')).status).toBe(200);
    await waitFor('notes, resolution and closing', () => ticket?.status === 'Closed', { timeoutMs: 15_000 });
    expect(ticket?.notes.map((note) => [note.text.split('\n')[0], note.resolution])).toEqual([
      ['First finding: the log volume filled up', false],
      ['Rotated the logs, 40% free', false],
      [expect.stringMatching(/^Resolved in On-Call by psa-msp-tech at /), true],
    ]);
    expect(ticket?.notes[0].text).toContain('— psa-msp-tech, in On-Call at');
    expect(psa.creates()).toHaveLength(1);
  }, 60_000);

  it('answers a manual request on an incident that has its ticket with that ticket, and creates none', async () => {
    const incident = await org.incidents.trigger(
      'Backup failed on FS02',
      { severity: 'warning' },
      org.technician,
    );
    await org.incidents.act(org.technician, incident.incidentId, 'acknowledge');
    const detail = await waitForLinkedTicket(org, incident.incidentId);
    const creates = psa.creates().length;
    const response = await platform.api(`/api/v1/incidents/${incident.incidentId}/ticket`, org.technician, { method: 'POST' }); // prettier-ignore
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: 'created', ticket: detail.incident.ticket });
    expect(psa.creates()).toHaveLength(creates);
    expect(psa.ticketByExternalId(externalIdOf(org.orgId, incident.incidentId))?.priority).toBe('P3');
  }, 60_000);
});
