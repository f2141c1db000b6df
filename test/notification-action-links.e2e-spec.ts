import { IncidentDetail, TimelineEntry } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { actorLabel, eventLabel, timelineDetail } from '../apps/admin-spa/src/format/labels';
import { ActionLinkSigner } from '../apps/notification/src/action-links/action-link.signer';
import { textLink } from './support/notification-bus';
import { NotificationStage } from './support/notification-stage';

const [MORGAN, TAYLOR] = DEMO_USERS;
const SECRET = 'a-test-action-link-secret-of-32-characters!';
const PUBLIC_URL = 'https://oncall.example';

/** The one-click links of a page email, opened and pressed as a person (and a mail scanner) would. */
describe('One-click acknowledge and resolve links', () => {
  const stage = stageForAll(() =>
    NotificationStage.start('notifylinks', { env: { ACTION_LINK_SECRET: SECRET, PUBLIC_URL } }),
  );
  // Reads through the API as someone else: signing in as Taylor would rename her after the token's name.
  const reader = () => stage.token('manager', 'links-reader');

  /** A new incident paged to Taylor, and the email that came of it. */
  async function pagedIncident(summary: string) {
    const incident = await stage.incidents.trigger(summary, {}, reader());
    await stage.page({ incidentId: incident.incidentId, userId: TAYLOR.id });
    const [email] = await stage.mail.waitFor(
      TAYLOR.email,
      1,
      (m) => m.text?.includes(incident.incidentId) ?? false,
    );
    return { incident, email };
  }

  /** Opens a link of the email on admin-api (the public URL in the email stands for it). */
  async function open(link: string, method: 'GET' | 'POST' = 'GET') {
    const response = await fetch(link.replace(PUBLIC_URL, stage.platform.url('admin-api')), { method });
    return { status: response.status, html: await response.text(), csp: response.headers.get('content-security-policy') };
  } // prettier-ignore

  const detail = (incidentId: string): Promise<IncidentDetail> =>
    stage.incidents.detail(reader(), incidentId);
  /** The incident once its read model shows `type` (projections follow the event store within moments). */
  const detailWith = (incidentId: string, type: string) =>
    waitFor(`${type} on the timeline and the incident`, async () => {
      const found = await detail(incidentId);
      // The detail is read in two statements (incident, then timeline): a projection batch committing in
      // between shows the entry before the status. Wait until both say it.
      const status = { IncidentAcknowledged: 'acknowledged', IncidentResolved: 'resolved' }[type];
      const shown = found.timeline.items.some((entry) => entry.type === type) && (!status || found.incident.status === status); // prettier-ignore
      return shown ? found : undefined;
    });
  const names = new Map(DEMO_USERS.map((user) => [user.id, user.name]));
  const sentence = (entry: TimelineEntry) =>
    `${eventLabel(entry.type)} by ${actorLabel(entry.actor, names)} ${timelineDetail(entry) ?? ''}`.trim();

  it('asks on GET and changes nothing; acknowledges on POST, and the timeline says by whom and from email', async () => {
    const { incident, email } = await pagedIncident('Exchange queue backing up at Contoso');
    const link = textLink(email, 'Acknowledge');
    for (let scan = 0; scan < 3; scan++) {
      const opened = await open(link);
      expect(opened.status).toBe(200);
      expect(opened.html).toContain('Acknowledge this incident?');
      expect(opened.html).toContain('Exchange queue backing up at Contoso');
      expect(opened.html).toContain('<form method="post">');
      expect(opened.html).not.toContain('<script');
      expect(opened.csp).toContain("default-src 'none'");
    }
    expect((await detail(incident.incidentId)).incident.status).toBe('triggered');
    const pressed = await open(link, 'POST');
    expect(pressed.status).toBe(200);
    expect(pressed.html).toContain('Incident acknowledged');
    expect(pressed.html).toContain('acknowledged by Taylor Tech');
    const after = await detailWith(incident.incidentId, 'IncidentAcknowledged');
    expect(after.incident).toMatchObject({ status: 'acknowledged', acknowledgedBy: TAYLOR.id });
    const acknowledged = after.timeline.items.filter((entry) => entry.type === 'IncidentAcknowledged');
    expect(acknowledged.map(sentence)).toEqual(['Acknowledged by Taylor Tech from email']);
    expect(acknowledged[0].detail).toEqual({ via: 'email' });
  });

  it('used again: says so, and nothing more happens', async () => {
    const { incident, email } = await pagedIncident('Printer offline at Globex');
    const link = textLink(email, 'Acknowledge');
    expect((await open(link, 'POST')).status).toBe(200);
    await detailWith(incident.incidentId, 'IncidentAcknowledged');
    for (const method of ['POST', 'GET'] as const) {
      const again = await open(link, method);
      expect(again.status).toBe(409);
      expect(again.html).toContain('This link was already used');
      expect(again.html).toContain('Nothing more was done');
    }
    // Delivery attempts are recorded on the timeline as they happen, so the version may move: count the acts.
    const after = await detail(incident.incidentId);
    expect(after.incident.status).toBe('acknowledged');
    const acts = after.timeline.items.filter((entry) => ['IncidentAcknowledged', 'IncidentResolved'].includes(entry.type)); // prettier-ignore
    expect(acts.map((entry) => entry.type)).toEqual(['IncidentAcknowledged']);
  });

  it('expired, tampered or naming no action: says why, and nothing happens', async () => {
    const { incident, email } = await pagedIncident('VPN tunnel down at Initech');
    const signer = new ActionLinkSigner(SECRET);
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    const expired = signer.sign({ action: 'acknowledge', orgId: stage.demo.orgId, userId: TAYLOR.id, incidentId: incident.incidentId }, twoDaysAgo); // prettier-ignore
    for (const method of ['GET', 'POST'] as const) {
      const answer = await open(`${PUBLIC_URL}/email-actions/acknowledge/${expired}`, method);
      expect(answer.status).toBe(410);
      expect(answer.html).toContain('This link has expired');
      expect(answer.html).toContain('Nothing was done');
    }
    const genuine = textLink(email, 'Acknowledge');
    const [payload, signature] = genuine.split('/').pop()!.split('.');
    const forged = `${payload.slice(0, -2)}${payload.slice(-2) === 'AA' ? 'AB' : 'AA'}.${signature}`;
    const otherUser = signer.sign({ action: 'acknowledge', orgId: stage.demo.orgId, userId: MORGAN.id, incidentId: incident.incidentId }, new Date()); // prettier-ignore
    const reSigned = `${otherUser.split('.')[0]}.${signature}`;
    for (const token of [forged, reSigned, 'nonsense']) {
      const answer = await open(`${PUBLIC_URL}/email-actions/acknowledge/${token}`, 'POST');
      expect(answer.status).toBe(400);
      expect(answer.html).toContain('This link is not valid');
    }
    for (const method of ['GET', 'POST'] as const) {
      const answer = await open(genuine.replace('/acknowledge/', '/reboot/'), method);
      expect([answer.status, answer.html]).toEqual([404, expect.stringContaining('Unknown action')]);
    }
    const resolveWithAckLink = await open(genuine.replace('/acknowledge/', '/resolve/'), 'POST');
    expect(resolveWithAckLink.html).toContain('This link is for another action');
    const unchanged = await detail(incident.incidentId);
    expect(unchanged.incident.status).toBe('triggered');
    const acted = unchanged.timeline.items.filter((entry) => ['IncidentAcknowledged', 'IncidentResolved'].includes(entry.type)); // prettier-ignore
    expect(acted).toEqual([]);
    const uses = await stage.platform.withSchema('notification', (db) => db.query('SELECT count(*)::int AS n FROM action_link_uses WHERE incident_id = $1', [incident.incidentId])); // prettier-ignore
    expect(uses).toEqual([{ n: 0 }]);
  });

  it('resolves from the resolve link, recorded as from email', async () => {
    const { incident, email } = await pagedIncident('Certificate expired on portal.contoso.example');
    const pressed = await open(textLink(email, 'Resolve'), 'POST');
    expect(pressed.html).toContain('Incident resolved');
    const resolved = (await detailWith(incident.incidentId, 'IncidentResolved')).timeline.items.filter(
      (entry) => entry.type === 'IncidentResolved',
    );
    expect(resolved.map(sentence)).toEqual(['Resolved by Taylor Tech manual, from email']);
  });
});
