import { IncidentSummary } from '@oncall/contracts';
import { DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { IncidentApi } from './support/incident-api';
import { PlatformHarness } from './support/platform-harness';

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

describe('Live incident updates and list filters', () => {
  let platform: PlatformHarness;
  let demo: DemoOrganization;
  let incidents: IncidentApi;
  let manager: string;

  beforeAll(async () => {
    platform = await PlatformHarness.create('live');
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state');
    demo = await platform.seedDemo();
    incidents = new IncidentApi(platform, demo.integrationKey);
    manager = platform.token(demo.orgId, 'manager', demo.managerUserId);
  }, 60_000);
  afterAll(() => platform.close());

  it('streams the organization’s incident changes as server-sent events, and none of another organization', async () => {
    const url = `${platform.url('admin-api')}/api/v1/live/incidents`;
    const mine = await fetch(url, { headers: { authorization: `Bearer ${manager}` } });
    const outsider = await fetch(`${url}?access_token=${platform.token('org-other', 'manager')}`);
    expect([mine.status, outsider.status]).toEqual([200, 200]);
    expect(mine.headers.get('content-type')).toContain('text/event-stream');
    const incident = await incidents.trigger('Live: SAN latency high', {}, manager);
    await incidents.act(manager, incident.incidentId, 'acknowledge');
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
    expect((await fetch(`${platform.url('admin-api')}/api/v1/live/incidents`)).status).toBe(401);
  });

  it('filters by client (through its services), time range, and sorts and pages without repeats', async () => {
    const post = async (path: string, body: object) =>
      (await (
        await platform.api(path, manager, { method: 'POST', body: JSON.stringify(body) })
      ).json()) as Record<string, string>;
    const client = await post('/api/v1/clients', { name: 'Wayne Enterprises' });
    const service = await post('/api/v1/services', { name: 'Wayne servers', clientId: client.id });
    const created = (await post(`/api/v1/services/${service.id}/integrations`, {
      type: 'generic',
      name: 'Wayne RMM',
    })) as unknown as {
      key: string;
    };
    const wayne = new IncidentApi(platform, created.key);
    const since = new Date().toISOString();
    const opened: IncidentSummary[] = [];
    for (let i = 0; i < 5; i++) opened.push(await wayne.trigger(`Wayne alert ${i}`, {}, manager));
    const byClient = await incidents.list(manager, `?clientId=${client.id}`);
    expect(byClient.items.map((item) => item.title).sort()).toEqual(opened.map((item) => item.title).sort());
    const pages: IncidentSummary[] = [];
    let cursor: string | null = null;
    do {
      const page = await incidents.list(
        manager,
        `?from=${since}&sort=oldest&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((item) => item.title)).toEqual(opened.map((item) => item.title));
    expect((await incidents.list(manager, `?clientId=${client.id}&to=${since}`)).items).toEqual([]);
  });
});
