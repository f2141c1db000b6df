import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { OncallPsaAdapter } from './oncall-psa.adapter';
import { PsaCallError } from './psa-adapter.port';

type Answer = { status: number; body: string; type?: string };

const input = {
  externalId: 'oncall:o:i',
  company: 'ACME',
  board: 'NOC',
  priority: 'P2' as const,
  title: 'Disk full',
  description: 'Text',
  device: null,
};

describe('OncallPsaAdapter (PSA stand-in over real HTTP)', () => {
  let server: Server;
  let base: string;
  let answers: Answer[] = [];
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
        const answer = answers.shift() ?? { status: 500, body: '' };
        response.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/psa/v1`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    answers = [];
    seen.length = 0;
  });

  const adapter = () => new OncallPsaAdapter(base, 'k'.repeat(20));
  const failureOf = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PsaCallError);
    return (error as PsaCallError).failure;
  };

  it('creates with the key, the Idempotency-Key and the input, under the base path', async () => {
    answers = [{ status: 201, body: JSON.stringify({ id: 4711, url: 'https://psa.example/t/4711' }) }];
    const ticket = await adapter().createTicket(input, { idempotencyKey: 'oncall:o:i:create:1' });
    expect(ticket).toEqual({ provider: 'psa', ticketId: '4711', url: 'https://psa.example/t/4711' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/psa/v1/tickets', body: JSON.stringify(input) });
    expect(seen[0].headers).toMatchObject({ authorization: `Bearer ${'k'.repeat(20)}`, 'idempotency-key': 'oncall:o:i:create:1' }); // prettier-ignore
  });

  it('takes the existing ticket when the external id is taken (409)', async () => {
    answers = [
      { status: 409, body: JSON.stringify({ detail: 'exists' }) },
      { status: 200, body: JSON.stringify({ items: [{ id: 'T-9', url: 'javascript:alert(1)' }] }) },
    ];
    expect(await adapter().createTicket(input, { idempotencyKey: 'k' })).toEqual({ provider: 'psa', ticketId: 'T-9', url: null }); // prettier-ignore
    expect(seen[1].url).toBe('/psa/v1/tickets?externalId=oncall%3Ao%3Ai');
  });

  it.each<[string, Answer, object]>([
    ['problem+json', { status: 422, body: JSON.stringify({ title: 'Invalid', detail: 'Board NOC does not exist' }) }, { kind: 'permanent', status: 422, message: 'Board NOC does not exist' }],
    ['a message field', { status: 400, body: JSON.stringify({ message: 'priority unknown' }) }, { kind: 'permanent', status: 400, message: 'priority unknown' }],
    ['plain text', { status: 503, body: 'Upstream down', type: 'text/plain' }, { kind: 'transient', status: 503, message: 'Upstream down' }],
    ['a redirect, not followed', { status: 302, body: '' }, { kind: 'transient', status: 302, message: 'The PSA answered HTTP 302' }],
    ['a success without a ticket id', { status: 201, body: 'OK', type: 'text/plain' }, { kind: 'transient', status: null, message: 'The PSA answered without a ticket id' }],
  ])('turns %s into a failure with the PSA’s words', async (_, answer, failure) => {
    answers = [answer];
    expect(await failureOf(adapter().createTicket(input, { idempotencyKey: 'k' }))).toEqual(failure);
  }); // prettier-ignore

  it('reports an unreachable PSA as transient', async () => {
    const gone = new OncallPsaAdapter('http://127.0.0.1:9/', 'k'.repeat(20));
    expect(await failureOf(gone.findByExternalId('x'))).toEqual({ kind: 'transient', status: null, message: 'The PSA could not be reached' }); // prettier-ignore
  });

  it('posts notes, closes and sets statuses on the ticket’s own path', async () => {
    answers = [
      { status: 201, body: '{}' },
      { status: 200, body: '{}' },
      { status: 200, body: '{}' },
    ];
    const ticket = { provider: 'psa', ticketId: 'A/1', url: null };
    await adapter().addNote(ticket, { text: 'Done', resolution: true }, { idempotencyKey: 'n' });
    await adapter().closeTicket(ticket, { idempotencyKey: 'c' });
    await adapter().setStatus(ticket, 'Completed', { idempotencyKey: 's' });
    expect(seen.map((request) => `${request.method} ${request.url} ${request.body}`)).toEqual([
      'POST /psa/v1/tickets/A%2F1/notes {"text":"Done","resolution":true}',
      'POST /psa/v1/tickets/A%2F1/close {}',
      'PATCH /psa/v1/tickets/A%2F1 {"status":"Completed"}',
    ]);
  });
});
