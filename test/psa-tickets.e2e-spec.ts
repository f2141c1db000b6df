import { ClientState } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import {
  externalIdOf,
  PSA_PUBLIC_URL,
  psaOrganization,
  PsaStage,
  waitForLinkedTicket,
} from './support/psa-fixtures';
import { untilStateCopiesHave } from './support/settled';

describe('PSA tickets (PSA stand-in)', () => {
  const stage = stageForAll(() => PsaStage.start('psa-tickets', 'psa-msp'));

  beforeAll(async () => {
    const settings = await stage.platform.api('/api/v1/psa/settings', stage.org.manager, {
      method: 'PUT',
      body: JSON.stringify({ defaultBoard: 'Service Desk', serviceBoards: [{ serviceId: stage.org.serviceId, board: 'NOC' }] }), // prettier-ignore
    });
    expect(settings.status).toBe(200);
  });

  it('says a PSA is configured', async () => {
    const status = await stage.platform.api('/api/v1/psa/status', stage.org.technician);
    expect(await status.json()).toMatchObject({ configured: true, provider: 'psa', capabilities: { findByExternalId: true } }); // prettier-ignore
  });

  it('acknowledge → exactly one ticket with the client’s company, P1, the board and the text; notes and resolution follow in order', async () => {
    const incident = await stage.org.incidents.trigger('Disk full on FS01', { severity: 'critical', device: 'FS01' }, stage.org.technician); // prettier-ignore
    const externalId = externalIdOf(stage.org.orgId, incident.incidentId);
    expect(stage.psa.ticketByExternalId(externalId)).toBeUndefined();

    expect(
      (await stage.org.incidents.act(stage.org.technician, incident.incidentId, 'acknowledge')).status,
    ).toBe(200);
    const detail = await waitForLinkedTicket(stage.org, incident.incidentId);
    const ticket = stage.psa.ticketByExternalId(externalId);
    expect(ticket).toMatchObject({ company: 'ACME-PSA', board: 'NOC', priority: 'P1', title: 'Disk full on FS01', device: 'FS01' }); // prettier-ignore
    expect(ticket?.description).toContain('Client: Acme Corp');
    expect(ticket?.description).toContain('Alert: Disk full on FS01');
    expect(ticket?.description).toContain(
      `Open in On-Call: ${PSA_PUBLIC_URL}/incidents/${incident.incidentId}`,
    );
    expect(detail.incident.ticket).toEqual({ provider: 'psa', ticketId: ticket?.id, url: `https://psa.example/tickets/${ticket?.id}` }); // prettier-ignore
    const oldestFirst = await stage.org.incidents.timeline(stage.org.technician, incident.incidentId);
    const timeline = oldestFirst.map((entry) => (entry.type === 'ActivityRecorded' ? entry.detail.summary : entry.type)); // prettier-ignore
    expect(timeline).toEqual(expect.arrayContaining(['PSA ticket pending (requested on acknowledgement)', 'TicketLinked'])); // prettier-ignore
    expect(timeline.indexOf('TicketLinked')).toBeGreaterThan(timeline.indexOf('PSA ticket pending (requested on acknowledgement)')); // prettier-ignore

    for (const text of ['First finding: the log volume filled up', 'Rotated the logs, 40% free'])
      expect(
        (await stage.org.incidents.act(stage.org.technician, incident.incidentId, 'notes', { text })).status,
      ).toBe(201);
    expect((await stage.org.incidents.act(stage.org.technician, incident.incidentId, 'resolve')).status).toBe(
      200,
    );
    await waitFor('notes, resolution and closing', () => ticket?.status === 'Closed', { timeoutMs: 15_000 });
    expect(ticket?.notes.map((note) => [note.text.split('\n')[0], note.resolution])).toEqual([
      ['First finding: the log volume filled up', false],
      ['Rotated the logs, 40% free', false],
      [expect.stringMatching(/^Resolved in On-Call by psa-msp-tech at /), true],
    ]);
    expect(ticket?.notes[0].text).toContain('— psa-msp-tech, in On-Call at');
    expect(stage.psa.creates(externalId)).toHaveLength(1);
  }, 60_000);

  it('answers a manual request on an incident that has its ticket with that ticket, and creates none', async () => {
    const incident = await stage.org.incidents.trigger(
      'Backup failed on FS02',
      { severity: 'warning' },
      stage.org.technician,
    );
    await stage.org.incidents.act(stage.org.technician, incident.incidentId, 'acknowledge');
    const detail = await waitForLinkedTicket(stage.org, incident.incidentId);
    const externalId = externalIdOf(stage.org.orgId, incident.incidentId);
    expect(stage.psa.creates(externalId)).toHaveLength(1);
    const response = await stage.platform.api(`/api/v1/incidents/${incident.incidentId}/ticket`, stage.org.technician, { method: 'POST' }); // prettier-ignore
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: 'created', ticket: detail.incident.ticket });
    expect(stage.psa.creates(externalId)).toHaveLength(1);
    expect(stage.psa.ticketByExternalId(externalId)?.priority).toBe('P3');
  }, 60_000);

  it('shows a refusal (422) on the incident with the PSA’s message; asking again after the fix makes the ticket', async () => {
    const refused = await psaOrganization(stage.platform, 'refused-msp', { psaExternalId: 'UNKNOWN' });
    const incident = await refused.incidents.trigger('Printer offline', {}, refused.technician);
    await refused.incidents.act(refused.technician, incident.incidentId, 'acknowledge');
    const message = 'The PSA refused the ticket: Company UNKNOWN does not exist (HTTP 422)';
    await waitFor('the refusal on the timeline', async () => {
      const { timeline } = await refused.incidents.detail(refused.technician, incident.incidentId);
      return timeline.items.some((entry) => entry.type === 'ActivityRecorded' && entry.detail.summary === message);
    }, { timeoutMs: 15_000, intervalMs: 100 }); // prettier-ignore
    expect(stage.psa.ticketByExternalId(externalIdOf(refused.orgId, incident.incidentId))).toBeUndefined();

    const fixed = await stage.platform.api(`/api/v1/clients/${refused.clientId}`, refused.manager, { method: 'PATCH', body: JSON.stringify({ psaExternalId: 'ACME-PSA' }) }); // prettier-ignore
    expect(fixed.status).toBe(200);
    await untilStateCopiesHave<ClientState>(stage.bus, 'client', refused.clientId, 'with the fix', (client) => client?.psaExternalId === 'ACME-PSA'); // prettier-ignore
    const again = await stage.platform.api(`/api/v1/incidents/${incident.incidentId}/ticket`, refused.technician, { method: 'POST' }); // prettier-ignore
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ state: 'pending', ticket: null });
    await waitForLinkedTicket(refused, incident.incidentId);
    expect(stage.psa.ticketByExternalId(externalIdOf(refused.orgId, incident.incidentId))?.company).toBe(
      'ACME-PSA',
    );
  }, 60_000);

  it('makes the ticket on trigger for services that say so', async () => {
    const eager = await psaOrganization(stage.platform, 'eager-msp', { ticketMode: 'on-trigger' });
    const incident = await eager.incidents.trigger('Firewall down', {}, eager.technician);
    const detail = await waitForLinkedTicket(eager, incident.incidentId);
    expect(detail.incident.status).toBe('triggered');
    const pending = detail.timeline.items.find((entry) => entry.type === 'ActivityRecorded');
    expect(pending?.detail.summary).toBe('PSA ticket pending (requested when the incident triggered)');
  }, 60_000);

  it('makes none for services that never want one, until a person asks; then the notes, old and new, and the resolution’s status follow', async () => {
    const quiet = await psaOrganization(stage.platform, 'quiet-msp', { ticketMode: 'never' });
    const settings = await stage.platform.api('/api/v1/psa/settings', quiet.manager, { method: 'PUT', body: JSON.stringify({ onResolve: { action: 'set-status', status: 'Completed' } }) }); // prettier-ignore
    expect(await settings.json()).toMatchObject({ version: 1, onResolve: { action: 'set-status', status: 'Completed' } }); // prettier-ignore
    const incident = await quiet.incidents.trigger('Low toner', { severity: 'info' }, quiet.technician);
    await quiet.incidents.act(quiet.technician, incident.incidentId, 'acknowledge');
    await quiet.incidents.act(quiet.technician, incident.incidentId, 'notes', { text: 'Before the ticket' });
    // psa-sync takes incident events in order: once the note is queued, the acknowledgement was decided.
    await waitFor('psa-sync to queue the note', () => operationsOf(quiet.orgId, incident.incidentId).then((kinds) => kinds.includes('note'))); // prettier-ignore
    expect(await linkOf(quiet.orgId, incident.incidentId)).toBeUndefined();
    const externalId = externalIdOf(quiet.orgId, incident.incidentId);
    expect(stage.psa.ticketByExternalId(externalId)).toBeUndefined();

    const asked = await stage.platform.api(`/api/v1/incidents/${incident.incidentId}/ticket`, quiet.technician, { method: 'POST' }); // prettier-ignore
    expect(asked.status).toBe(202);
    await waitForLinkedTicket(quiet, incident.incidentId);
    await quiet.incidents.act(quiet.technician, incident.incidentId, 'notes', { text: 'After the ticket' });
    await quiet.incidents.act(quiet.technician, incident.incidentId, 'resolve');
    const ticket = stage.psa.ticketByExternalId(externalId);
    await waitFor('the status set', () => ticket?.status === 'Completed', { timeoutMs: 15_000 });
    expect(ticket?.priority).toBe('P4');
    expect(ticket?.notes.map((note) => note.text.split('\n')[0])).toEqual([
      'Before the ticket',
      'After the ticket',
      expect.stringMatching(/^Resolved in On-Call by quiet-msp-tech/),
    ]);
  }, 60_000);

  it('keeps each organization’s ticket mapping: checked, audited, managers only', async () => {
    const put = (token: string, body: unknown) =>
      stage.platform.api('/api/v1/psa/settings', token, { method: 'PUT', body: JSON.stringify(body) });
    const other = await psaOrganization(stage.platform, 'mapping-msp');
    const refusals = [
      [{ priorities: { info: 'P5' } }, 'priorities.info'],
      [{ serviceBoards: [{ serviceId: stage.org.serviceId, board: 'NOC' }] }, 'serviceBoards.0.serviceId'],
      [{ onResolve: { action: 'set-status' } }, 'onResolve.status'],
      [{ defaultBoard: 'x'.repeat(101) }, 'defaultBoard'],
    ] as const;
    for (const [body, field] of refusals) {
      const response = await put(other.manager, body);
      const problem = (await response.json()) as { errors?: { field: string }[] };
      expect({ field, status: response.status, fields: problem.errors?.map((error) => error.field) }).toEqual({ field, status: 400, fields: expect.arrayContaining([field]) }); // prettier-ignore
    }
    expect((await put(other.technician, {})).status).toBe(403);
    const saved = await put(other.manager, { priorities: { critical: 'P2' }, defaultBoard: 'Helpdesk' });
    expect(await saved.json()).toMatchObject({ version: 1, defaultBoard: 'Helpdesk', priorities: { critical: 'P2', high: 'P2', warning: 'P3', info: 'P4' }, serviceBoards: [], onResolve: { action: 'close' } }); // prettier-ignore
    expect(await (await stage.platform.api('/api/v1/psa/settings', other.technician)).json()).toMatchObject({ version: 1, defaultBoard: 'Helpdesk' }); // prettier-ignore
    expect(await (await stage.platform.api('/api/v1/psa/settings', stage.org.technician)).json()).toMatchObject({ defaultBoard: 'Service Desk' }); // prettier-ignore
    const audit = await waitFor('the audit entry', async () => {
      const page = (await (await stage.platform.api('/api/v1/audit-log?resourceType=psa-settings', other.manager)).json()) as { items: { action: string; after: unknown }[] }; // prettier-ignore
      return page.items.find((item) => item.action === 'psa-settings.created');
    });
    expect(audit.after).toMatchObject({ defaultBoard: 'Helpdesk', version: 1 });
  }, 60_000);

  const operationsOf = (orgId: string, incidentId: string): Promise<string[]> =>
    stage.platform.withSchema('psa_sync', async (db) => {
      const rows: { kind: string }[] = await db.query('SELECT kind FROM ticket_operations WHERE org_id = $1 AND incident_id = $2 ORDER BY id', [orgId, incidentId]); // prettier-ignore
      return rows.map((row) => row.kind);
    });
  const linkOf = (orgId: string, incidentId: string): Promise<{ state: string } | undefined> =>
    stage.platform.withSchema('psa_sync', async (db) => {
      const [row]: { state: string }[] = await db.query('SELECT state FROM ticket_links WHERE org_id = $1 AND incident_id = $2', [orgId, incidentId]); // prettier-ignore
      return row;
    });
});
