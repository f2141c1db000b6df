import { IncidentSummary } from '@oncall/contracts';
import { loadOrCreateDevSigningKey, Role, signDevToken } from '@oncall/platform-auth';
import { stageForAll } from '@oncall/platform-testing';
import { createHash } from 'node:crypto';
import { IncidentApi } from './support/incident-api';
import { IncidentStage } from './support/incident-stage';

/** Reads server-sent events from a streaming response until `stop` says so or the time is up. */
async function readEvents(
  response: Response,
  stop: (events: { event: string; data: string }[]) => boolean,
  ms = 5_000,
) {
  const events: { event: string; data: string }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !stop(events)) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 200)),
    ]);
    if (!chunk || chunk.done) continue;
    buffer += decoder.decode(chunk.value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      events.push({ event, data });
    }
  }
  await reader.cancel();
  return events;
}

/** Whether the server ends the stream within `ms` (reading, and dropping, whatever it sends meanwhile). */
async function endsWithin(response: Response, ms: number): Promise<boolean> {
  const reader = response.body!.getReader();
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
      ]);
      if (chunk?.done) return true;
    }
    return false;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

describe('Live incident updates and list filters', () => {
  // Each keep-alive re-checks that the viewer is still active: a short one keeps the test short.
  const stage = stageForAll(() => IncidentStage.start('live', { env: { LIVE_KEEP_ALIVE_MS: '1000' } }));
  const manager = () => stage.token('manager', stage.demo.managerUserId);

  const streamUrl = () => `${stage.platform.url('admin-api')}/api/v1/live/incidents`;
  const ticketFor = async (token: string) => {
    const response = await stage.platform.api('/api/v1/live/tickets', token, { method: 'POST' });
    expect(response.status).toBe(201);
    return (await response.json()) as { ticket: string; expiresAt: string };
  };
  const withTicket = (ticket: string) => fetch(`${streamUrl()}?ticket=${encodeURIComponent(ticket)}`);
  /** A development token that expires in `seconds`. */
  const shortLived = (orgId: string, role: Role, hubUserId: string, seconds: number) =>
    signDevToken(
      loadOrCreateDevSigningKey(stage.platform.env.DEV_SIGNING_KEY_FILE!),
      { sub: hubUserId, org_id: orgId, email: `${hubUserId}@example.test`, name: hubUserId, role },
      seconds,
    );

  it('streams the organization’s incident changes as server-sent events, and none of another organization', async () => {
    // A non-browser client sends its token in the header; a browser opens the stream with a ticket.
    const mine = await fetch(streamUrl(), { headers: { authorization: `Bearer ${manager()}` } });
    const outsider = await withTicket((await ticketFor(stage.platform.token('org-other', 'manager'))).ticket);
    expect([mine.status, outsider.status]).toEqual([200, 200]);
    expect(mine.headers.get('content-type')).toContain('text/event-stream');
    const incident = await stage.incidents.trigger('Live: SAN latency high', {}, manager());
    await stage.incidents.act(manager(), incident.incidentId, 'acknowledge');
    const seen = await readEvents(
      mine,
      (events) => events.filter((e) => e.data.includes(incident.incidentId)).length >= 2,
    );
    const types = seen
      .filter((e) => e.event === 'incident' && e.data.includes(incident.incidentId))
      .map((e) => JSON.parse(e.data).type);
    expect(types).toEqual(['IncidentTriggered', 'IncidentAcknowledged']);
    const leaked = await readEvents(outsider, () => false, 1_000);
    expect(leaked.filter((e) => e.event === 'incident')).toEqual([]);
  });

  it('refuses the stream without a token', async () => {
    expect((await fetch(streamUrl())).status).toBe(401);
  });

  it('opens the stream with a ticket once; a used, expired or unknown ticket, or a token in the URL, is refused', async () => {
    const issued = await ticketFor(manager());
    expect(issued.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeLessThanOrEqual(61_000);
    const first = await withTicket(issued.ticket);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    await first.body?.cancel();
    const again = await withTicket(issued.ticket);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'UNAUTHENTICATED' });

    // Stored hashed: the table never holds the ticket itself. A minute later it is refused.
    const expired = await ticketFor(manager());
    const hash = createHash('sha256').update(expired.ticket).digest('hex');
    const stored = await stage.platform.withSchema('admin_api', (db) =>
      db.query(
        `UPDATE live_tickets SET expires_at = now() - interval '1 second' WHERE ticket_hash = $1 RETURNING ticket_hash`,
        [hash],
      ),
    );
    expect(stored[0]).toHaveLength(1);
    expect((await withTicket(expired.ticket)).status).toBe(401);

    expect((await withTicket('x'.repeat(43))).status).toBe(401);
    expect((await fetch(`${streamUrl()}?access_token=${manager()}`)).status).toBe(401);
    // A ticket is for the stream only.
    const elsewhere = await ticketFor(manager());
    expect(
      (await fetch(`${stage.platform.url('admin-api')}/api/v1/incidents?ticket=${elsewhere.ticket}`)).status,
    ).toBe(401);
  });

  it('ends a stream when the token that opened it expires, with a ticket or a header', async () => {
    // Provisioned beforehand, so the 2 seconds go to the stream.
    await stage.platform.api('/api/v1/me', stage.token('technician', 'live-short'));
    const viewer = shortLived(stage.demo.orgId, 'technician', 'live-short', 2);
    const byTicket = await withTicket((await ticketFor(viewer)).ticket);
    const byHeader = await fetch(streamUrl(), { headers: { authorization: `Bearer ${viewer}` } });
    expect([byTicket.status, byHeader.status]).toEqual([200, 200]);
    const started = Date.now();
    expect(await Promise.all([endsWithin(byTicket, 5_000), endsWithin(byHeader, 5_000)])).toEqual([
      true,
      true,
    ]);
    expect(Date.now() - started).toBeLessThan(4_000);
    // A token that lives on keeps its stream open meanwhile.
    const lasting = await fetch(streamUrl(), { headers: { authorization: `Bearer ${manager()}` } });
    expect(await endsWithin(lasting, 2_500)).toBe(false);
  });

  it('ends a deactivated user’s stream at the next keep-alive, and refuses their tickets', async () => {
    const technician = stage.token('technician', 'live-deactivated');
    const me = (await (await stage.platform.api('/api/v1/me', technician)).json()) as { id: string };
    const spare = await ticketFor(technician);
    const stream = await withTicket((await ticketFor(technician)).ticket);
    expect(stream.status).toBe(200);
    const deactivated = await stage.platform.api(`/api/v1/users/${me.id}/deactivate`, manager(), {
      method: 'POST',
    });
    expect(deactivated.status).toBe(200);
    try {
      expect(await endsWithin(stream, 4_000)).toBe(true);
      expect((await withTicket(spare.ticket)).status).toBe(403);
    } finally {
      await stage.platform.api(`/api/v1/users/${me.id}/reactivate`, manager(), { method: 'POST' });
    }
  });

  it('filters by client (through its services), time range, and sorts and pages without repeats', async () => {
    const post = async (path: string, body: object) =>
      (await (
        await stage.platform.api(path, manager(), { method: 'POST', body: JSON.stringify(body) })
      ).json()) as Record<string, string>;
    const client = await post('/api/v1/clients', { name: 'Wayne Enterprises' });
    const service = await post('/api/v1/services', { name: 'Wayne servers', clientId: client.id });
    const created = (await post(`/api/v1/services/${service.id}/integrations`, {
      type: 'generic',
      name: 'Wayne RMM',
    })) as unknown as {
      key: string;
    };
    const wayne = new IncidentApi(stage.platform, created.key);
    const since = new Date().toISOString();
    const opened: IncidentSummary[] = [];
    for (let i = 0; i < 5; i++) opened.push(await wayne.trigger(`Wayne alert ${i}`, {}, manager()));
    const byClient = await stage.incidents.list(manager(), `?clientId=${client.id}`);
    expect(byClient.items.map((item) => item.title).sort()).toEqual(opened.map((item) => item.title).sort());
    const pages: IncidentSummary[] = [];
    let cursor: string | null = null;
    do {
      const page = await stage.incidents.list(
        manager(),
        `?from=${since}&sort=oldest&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((item) => item.title)).toEqual(opened.map((item) => item.title));
    expect((await stage.incidents.list(manager(), `?clientId=${client.id}&to=${since}`)).items).toEqual([]);
  });
});
