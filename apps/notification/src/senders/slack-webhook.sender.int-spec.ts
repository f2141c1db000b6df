import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { redactWebhookUrl, SlackWebhookSender } from './slack-webhook.sender';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A real local HTTP server standing in for Slack's webhook endpoint; `handler` decides each answer. */
async function startSlackStandIn(): Promise<{ server: Server; url: (path: string) => string; requests: { path: string; body: string }[]; answer: (handler: Handler) => void }> {
  const requests: { path: string; body: string }[] = [];
  let handler: Handler = (_request, response) => response.end('ok');
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      handler(request, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, requests, url: (path) => `http://127.0.0.1:${port}${path}`, answer: (next) => (handler = next) };
} // prettier-ignore

const message = { text: '[CRITICAL] Disk full on srv-01' };
const reply = (status: number, body: string): Handler => (_request, response) => {
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(body);
}; // prettier-ignore

describe('SlackWebhookSender against a local HTTP server (Slack stand-in)', () => {
  let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
  const sender = new SlackWebhookSender({ timeoutMs: 500 });

  beforeEach(async () => {
    slack = await startSlackStandIn();
  });

  afterEach(async () => {
    slack.server.closeAllConnections();
    slack.server.close();
  });

  it('posts the message as JSON and answers Slack’s reply, hiding the secret part of the URL', async () => {
    const result = await sender.send(slack.url('/services/T1/B2/secret-part'), message);
    expect(result).toEqual({ ok: true, accepted: [slack.url('/services/T1/B2/…')], response: 'ok', latencyMs: expect.any(Number) });
    expect(slack.requests).toEqual([{ path: '/services/T1/B2/secret-part', body: JSON.stringify(message) }]);
  }); // prettier-ignore

  it.each([
    { status: 500, body: 'rollup_error', kind: 'transient', reason: 'http-server-error' },
    { status: 503, body: 'service unavailable', kind: 'transient', reason: 'http-server-error' },
    { status: 429, body: 'rate_limited', kind: 'transient', reason: 'http-throttled' },
    { status: 400, body: 'invalid_payload', kind: 'permanent', reason: 'http-refused' },
    { status: 403, body: 'invalid_token', kind: 'permanent', reason: 'http-refused' },
    { status: 404, body: 'no_service', kind: 'permanent', reason: 'http-refused' },
    { status: 410, body: 'channel_is_archived', kind: 'permanent', reason: 'http-refused' },
  ])('a $status ($body) is $kind', async ({ status, body, kind, reason }) => {
    slack.answer(reply(status, body));
    const result = await sender.send(slack.url('/hook'), message);
    expect(result).toMatchObject({
      ok: false,
      failure: { kind, reason },
      response: `HTTP ${status}: ${body}`,
    });
  });

  it('does not follow a redirect: permanent, and the target is never posted to', async () => {
    slack.answer((_request, response) => {
      response.writeHead(302, { location: slack.url('/elsewhere') });
      response.end();
    });
    const result = await sender.send(slack.url('/hook'), message);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'permanent', reason: 'http-redirect' } });
    expect(slack.requests.map((request) => request.path)).toEqual(['/hook']);
  });

  it('a server that never answers is a transient timeout, within the bound', async () => {
    slack.answer(() => undefined);
    const result = await sender.send(slack.url('/hook'), message);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', reason: 'http-timeout' } });
    expect(result.latencyMs).toBeGreaterThanOrEqual(450);
    expect(result.latencyMs).toBeLessThan(3_000);
  });

  it('a server that is down is transient', async () => {
    const url = slack.url('/hook');
    slack.server.close();
    await once(slack.server, 'close');
    const result = await sender.send(url, message);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', reason: 'http-unreachable' } });
    expect(result.response).toContain('ECONNREFUSED');
  });
});

describe('redactWebhookUrl', () => {
  it('hides the last path segment', () => {
    expect(redactWebhookUrl('https://hooks.slack.com/services/T1/B2/xyz')).toBe('https://hooks.slack.com/services/T1/B2/…');
    expect(redactWebhookUrl('nonsense')).toBe('an invalid URL');
  }); // prettier-ignore
});
