import { IncidentSummary } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { pagedIncident, pageRequest, publishPage, textLink } from './support/notification-bus';
import { NotificationStage } from './support/notification-stage';
import { untilDeliveriesSettled } from './support/settled';

const [, TAYLOR, JORDAN] = DEMO_USERS;
const SECRET = 'a-test-action-link-secret-of-32-characters!';

/** Pages published as the escalation engine would, delivered by the running notification service. */
describe('Pages by email and Slack (real SMTP server, Slack stand-in)', () => {
  const stage = stageForAll(() =>
    NotificationStage.start('notifypages', {
      env: { ACTION_LINK_SECRET: SECRET, PUBLIC_URL: 'https://oncall.example' },
    }),
  );
  let slack: { server: Server; requests: { path: string; body: string }[]; url: string };
  const technician = () => stage.token('technician', TAYLOR.hubUserId, TAYLOR.email);

  beforeAll(async () => {
    slack = await startSlackStandIn();
  });
  afterAll(() => {
    slack.server.close();
  });

  const trigger = (summary: string): Promise<IncidentSummary> =>
    stage.incidents.trigger(summary, {}, technician());

  it('emails a generic alert once however often the page is delivered: subject, facts, incident and one-click links', async () => {
    const incident = await trigger('Disk C: 95% full on FS01');
    const request = pageRequest({ orgId: stage.demo.orgId, incidentId: incident.incidentId, userId: TAYLOR.id });
    await publishPage(stage.bus, request);
    await publishPage(stage.bus, request); // redelivered by the engine (another event id): still one email
    const [page] = await stage.mail.waitFor(TAYLOR.email, 1, (m) => m.text?.includes(incident.incidentId) ?? false);
    expect(page.subject).toBe('[CRITICAL] Client servers (24/7) · Contoso · Disk C: 95% full on FS01');
    expect(page.text).toContain('Device: FS01');
    expect(page.text).toContain('disk.used: 95%');
    expect(page.text).toContain(`Open incident: https://oncall.example/incidents/${incident.incidentId}`);
    expect(textLink(page, 'Acknowledge')).toMatch(/^https:\/\/oncall\.example\/email-actions\/acknowledge\/[\w-]+\.[\w-]+$/);
    expect(textLink(page, 'Resolve')).toMatch(/^https:\/\/oncall\.example\/email-actions\/resolve\//);
    expect(page.html).toContain('Acknowledge</a>');
    expect(page.headers.get('auto-submitted')).toBe('auto-generated');
    await untilDeliveriesSettled(stage.platform, incident.incidentId);
    expect(await stage.mail.to(TAYLOR.email).then((all) => all.filter((m) => m.text?.includes(incident.incidentId)))).toHaveLength(1);
    // incident-state records each attempt on the incident's timeline (from NotificationDelivered).
    const recorded = await waitFor('the delivery on the timeline', async () => {
      const detail = await stage.incidents.detail(technician(), incident.incidentId);
      return detail.timeline.items.find((entry) => entry.type === 'ActivityRecorded' && entry.detail.source === 'notification');
    });
    expect(recorded.detail.summary).toMatch(/^Email to t\*\*\*@demo-msp\.example delivered \(attempt 1, \d+ ms\)$/);
    const log = await deliveryLog(incident.incidentId);
    expect(log).toEqual([expect.objectContaining({ channel: 'email', masked_address: 't***@demo-msp.example', outcome: 'delivered', provider_response: expect.stringMatching(/^250 /) })]);
  }); // prettier-ignore

  it('shows a Defend detection: the device, each MITRE technique and the recommended action', async () => {
    const incident = await trigger('Suspicious PowerShell on WS-042');
    const defend = {
      device: { name: 'WS-042', os: 'Windows 11' },
      mitre: [
        { techniqueId: 'T1059.001', technique: 'PowerShell', tacticId: 'TA0002', tactic: 'Execution' },
        { techniqueId: 'T1027', technique: 'Obfuscated Files or Information', tactic: 'Defense Evasion' },
      ],
      recommendedAction: 'Isolate the device and reset the user’s credentials.',
    };
    const facts = pagedIncident({ title: 'Suspicious PowerShell on WS-042', serviceName: 'Endpoint security', alert: { summary: 'Encoded PowerShell spawned by winword.exe', source: 'defend', device: 'WS-042', details: null, defend } }); // prettier-ignore
    await stage.page({ incidentId: incident.incidentId, userId: TAYLOR.id, incident: facts });
    const [page] = await stage.mail.waitFor(
      TAYLOR.email,
      1,
      (m) => m.text?.includes(incident.incidentId) ?? false,
    );
    expect(page.subject).toBe(
      '[CRITICAL] Endpoint security · Contoso · Encoded PowerShell spawned by winword.exe',
    );
    expect(page.text).toContain('Defend detection\n  Device: WS-042');
    expect(page.text).toContain('MITRE ATT&CK: T1059.001 PowerShell (TA0002 Execution)');
    expect(page.text).toContain('MITRE ATT&CK: T1027 Obfuscated Files or Information (Defense Evasion)');
    expect(page.text).toContain('Recommended action: Isolate the device and reset the user’s credentials.');
    expect(page.html).toContain('https://attack.mitre.org/techniques/T1059/001/');
  });

  it('posts to a Slack webhook when the person’s rules say so', async () => {
    const jordan = stage.token('technician', JORDAN.hubUserId, JORDAN.email);
    const created = await stage.platform.api('/api/v1/me/contact-methods', jordan, { method: 'POST', body: JSON.stringify({ type: 'slack', address: `${slack.url}/services/T1/B2/secret` }) }); // prettier-ignore
    expect(created.status).toBe(201);
    const method = (await created.json()) as { id: string; verified: boolean };
    expect(method.verified).toBe(true);
    const rules = { high: [{ contactMethodId: method.id, delayMinutes: 0 }], low: [{ contactMethodId: method.id, delayMinutes: 0 }] }; // prettier-ignore
    expect((await stage.platform.api('/api/v1/me/notification-rules', jordan, { method: 'PUT', body: JSON.stringify(rules) })).status).toBe(200); // prettier-ignore
    const incident = await trigger('Backup job failed at Contoso');
    await stage.page({ incidentId: incident.incidentId, userId: JORDAN.id });
    const [post] = await waitFor('the Slack post', () => slack.requests.length > 0 && slack.requests);
    expect(post.path).toBe('/services/T1/B2/secret');
    const body = JSON.parse(post.body) as { text: string; blocks: { elements?: { url: string }[] }[] };
    expect(body.text).toBe('[CRITICAL] Disk C: 95% full on FS01 · Client servers (24/7) · Contoso');
    expect(body.blocks[1].elements?.map((button) => button.url)).toEqual([
      expect.stringContaining('/email-actions/acknowledge/'),
      expect.stringContaining('/email-actions/resolve/'),
      `https://oncall.example/incidents/${incident.incidentId}`,
    ]);
    expect(await stage.mail.to(JORDAN.email)).toEqual([]);
  });

  function deliveryLog(incidentId: string) {
    return stage.platform.withSchema('notification', (db) =>
      db.query(
        `SELECT a.channel, a.masked_address, a.outcome, a.provider_response FROM delivery_attempts a
         JOIN deliveries d ON d.id = a.delivery_id WHERE d.incident_id = $1 ORDER BY a.id`,
        [incidentId],
      ),
    );
  }
});

async function startSlackStandIn() {
  const requests: { path: string; body: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, requests, url: `http://127.0.0.1:${port}` };
}
