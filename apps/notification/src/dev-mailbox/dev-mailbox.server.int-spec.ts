import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { renderPageEmail } from '../email/page-email.renderer';
import { genericAlertPage } from '../email/testing/email-views.fixtures';
import { SmtpSender } from '../senders/smtp.sender';
import { DevMailbox } from './dev-mailbox.server';

const FROM = 'On-Call <oncall@msp.example>';

describe('DevMailbox (in-process SMTP catcher writing .eml files)', () => {
  let directory: string;
  let mailbox: DevMailbox;
  let sender: SmtpSender;
  let clock: number;

  beforeEach(async () => {
    directory = join(await mkdtemp(join(tmpdir(), 'oncall-mail-')), 'mail');
    clock = Date.parse('2027-03-01T02:00:00.000Z');
    mailbox = await DevMailbox.start({ directory, now: () => new Date(clock), maxMessageBytes: 64 * 1024 });
    sender = new SmtpSender({ smtpUrl: mailbox.smtpUrl, from: FROM, timeoutMs: 2_000 });
  });

  afterEach(async () => {
    sender.close();
    await mailbox.close();
    await rm(join(directory, '..'), { recursive: true, force: true });
  });

  const send = async (summary: string, to: string) => {
    const page = genericAlertPage();
    const email = renderPageEmail({ ...page, alert: { ...page.alert, summary } });
    const result = await sender.send({ ...email, to });
    clock += 1_000;
    return result;
  };

  it('accepts what a sender hands it and writes each message as an .eml file in its directory', async () => {
    expect(await send('Disk full', 'alice@msp.example')).toMatchObject({
      ok: true,
      accepted: ['alice@msp.example'],
    });
    const files = await readdir(directory);
    expect(files).toEqual([expect.stringMatching(/^20270301T020000000Z-000001-[0-9a-f]{8}\.eml$/)]);
  });

  it('lists messages newest first with subject, from, to, date and id; read gives the raw message', async () => {
    await send('First', 'alice@msp.example');
    await send('Second', 'bob@msp.example');
    await send('Third', 'carol@msp.example');
    const entries = await mailbox.list();
    expect(entries.map((entry) => [entry.subject, entry.to, entry.receivedAt])).toEqual([
      ['[CRITICAL] Servers · Contoso · Third', 'carol@msp.example', '2027-03-01T02:00:02.000Z'],
      ['[CRITICAL] Servers · Contoso · Second', 'bob@msp.example', '2027-03-01T02:00:01.000Z'],
      ['[CRITICAL] Servers · Contoso · First', 'alice@msp.example', '2027-03-01T02:00:00.000Z'],
    ]);
    expect(entries[0]).toMatchObject({ from: '"On-Call" <oncall@msp.example>', date: expect.any(String), sizeBytes: expect.any(Number) });
    expect(await mailbox.list(1)).toHaveLength(1);
    const raw = (await mailbox.read(entries[2].id))!.toString('utf8');
    expect(raw).toContain('MIME-Version: 1.0\r\n');
    expect((await simpleParser(raw)).subject).toBe('[CRITICAL] Servers · Contoso · First');
    expect(raw).toContain('To: alice@msp.example');
  }); // prettier-ignore

  it('reads nothing for an id that names no message, or names a path', async () => {
    expect(await mailbox.read('../../etc/passwd')).toBeNull();
    expect(await mailbox.read('20270301T020000000Z-000001-deadbeef')).toBeNull();
  });

  it('refuses a message over the size limit for good, and writes nothing', async () => {
    const email = renderPageEmail(genericAlertPage());
    const result = await sender.send({ ...email, text: 'x'.repeat(100 * 1024), to: 'alice@msp.example' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'permanent' } });
    expect(result.response).toContain('552');
    expect(await mailbox.list()).toEqual([]);
  });

  it('is empty at first, and creates its directory', async () => {
    expect(await mailbox.list()).toEqual([]);
    expect(mailbox.directory).toBe(directory);
    expect(mailbox.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
  });
});
