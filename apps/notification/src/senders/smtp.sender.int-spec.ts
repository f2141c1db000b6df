import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { DeliveryFailure } from '@oncall/notification-domain';
import { simpleParser } from 'mailparser';
import { renderPageEmail } from '../email/page-email.renderer';
import { genericAlertPage } from '../email/testing/email-views.fixtures';
import type { DeliveryAttemptResult } from './delivery-attempt.result';
import { SmtpSender } from './smtp.sender';
import { startTestSmtpServer, type TestSmtpServer } from './testing/test-smtp-server';

const FROM = 'On-Call <oncall@msp.example>';
const page = (to = 'alice@msp.example') => ({ ...renderPageEmail(genericAlertPage()), to });

/** A failed attempt: its kind and reason, and the server's response (or the connection error) kept. */
function expectFailure(result: DeliveryAttemptResult, failure: DeliveryFailure, response: string): void {
  expect(result).toMatchObject({ ok: false, failure });
  expect(result.response).toContain(response);
}

describe('SmtpSender against a real SMTP server (smtp-server, in-process)', () => {
  let server: TestSmtpServer;
  let sender: SmtpSender;

  beforeEach(async () => {
    server = await startTestSmtpServer((address) => {
      if (address.startsWith('refused@')) return 550;
      if (address.startsWith('busy@')) return 451;
      return undefined;
    });
    sender = new SmtpSender({ smtpUrl: server.url, from: FROM, timeoutMs: 2_000, maxConnections: 3 });
  });

  afterEach(async () => {
    sender.close();
    await server.close();
  });

  it('delivers a page email and answers what the server accepted, its response and the latency', async () => {
    const result = await sender.send(page());
    expect(result).toEqual({ ok: true, accepted: ['alice@msp.example'], response: expect.stringMatching(/^250 /), latencyMs: expect.any(Number) });
    const mail = await simpleParser(server.received[0]);
    expect(mail.subject).toBe('[CRITICAL] Servers · Contoso · Disk full on srv-01');
    expect(mail.from?.text).toBe('"On-Call" <oncall@msp.example>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  }); // prettier-ignore

  it('a recipient refused for good (550) is a permanent failure, with the server response', async () => {
    const result = await sender.send(page('refused@msp.example'));
    expectFailure(result, { kind: 'permanent', reason: 'smtp-permanent-refusal' }, '550');
    expect(server.received).toHaveLength(0);
  });

  it('a temporary refusal (451) is transient', async () => {
    const result = await sender.send(page('busy@msp.example'));
    expectFailure(result, { kind: 'transient', reason: 'smtp-temporary-refusal' }, '451');
  });

  it('sends a burst over the pool, never more connections than allowed', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => sender.send(page(`tech${i}@msp.example`))));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(server.received).toHaveLength(30);
    expect(server.connections).toBeLessThanOrEqual(3);
  }); // prettier-ignore

  it('a server that is down is transient, and sending works again once it is back on the same port', async () => {
    const { port } = server;
    await server.close();
    const down = await sender.send(page());
    expectFailure(down, { kind: 'transient', reason: 'smtp-unreachable' }, 'ECONNREFUSED');
    server = await startTestSmtpServer(() => undefined, port);
    expect(await sender.send(page())).toMatchObject({ ok: true, accepted: ['alice@msp.example'] });
    expect(server.received).toHaveLength(1);
  });
});

describe('SmtpSender against a server that never answers', () => {
  let silent: Server;

  beforeAll(async () => {
    silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await once(silent, 'listening');
  });

  afterAll(async () => {
    silent.close();
  });

  it('gives up after its timeout with a transient failure', async () => {
    const { port } = silent.address() as AddressInfo;
    const sender = new SmtpSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 300 });
    const result = await sender.send(page());
    sender.close();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', reason: 'smtp-timeout' } });
    expect(result.latencyMs).toBeGreaterThanOrEqual(250);
    expect(result.latencyMs).toBeLessThan(5_000);
  });
});
