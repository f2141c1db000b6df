import { stageForAll, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { IncidentStage } from './support/incident-stage';
import { pageRequest, publishPage } from './support/notification-bus';

const [, TAYLOR] = DEMO_USERS;

/** Without SMTP_URL (development), pages land in the development mailbox, listed on notification's port. */
describe('The development mailbox', () => {
  const directory = mkdtempSync(join(tmpdir(), 'oncall-mail-'));
  const stage = stageForAll(() =>
    IncidentStage.start('notifydevmail', {
      services: ['admin-api', 'notification'],
      env: { DEV_MAIL_DIR: directory },
    }),
  );
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes each email as an .eml file and lists it at GET /dev/mail', async () => {
    const incidentId = randomUUID();
    await publishPage(
      stage.bus,
      pageRequest({ orgId: 'demo-msp', incidentId, userId: TAYLOR.id, urgency: 'low' }),
    );
    const list = async () =>
      (await (await fetch(`${stage.platform.url('notification')}/dev/mail`, { headers: { accept: 'application/json' } })).json()) as { items: { id: string; subject: string; to: string }[] }; // prettier-ignore
    const [entry] = await waitFor('the caught page', async () =>
      (await list()).items.length > 0 ? (await list()).items : undefined,
    );
    expect(entry).toMatchObject({ subject: '[CRITICAL] Client servers (24/7) · Contoso · Disk C: 95% full on FS01', to: TAYLOR.email }); // prettier-ignore
    expect(readdirSync(directory)).toEqual([`${entry.id}.eml`]);

    const page = await fetch(`${stage.platform.url('notification')}/dev/mail`);
    expect(await page.text()).toContain(`<a href="/dev/mail/${entry.id}">`);
    const shown = await fetch(`${stage.platform.url('notification')}/dev/mail/${entry.id}`);
    expect(shown.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await shown.text()).toContain(`/incidents/${incidentId}`);
    const raw = await fetch(`${stage.platform.url('notification')}/dev/mail/${entry.id}.eml`);
    expect(raw.headers.get('content-type')).toContain('message/rfc822');
    expect(await raw.text()).toContain('Subject: ');
    expect((await fetch(`${stage.platform.url('notification')}/dev/mail/not-an-id`)).status).toBe(404);
  });
});
