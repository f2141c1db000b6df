import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface StandInTicket {
  id: string;
  externalId: string;
  company: string | null;
  board: string | null;
  priority: string;
  title: string;
  description: string;
  device: string | null;
  status: string;
  notes: { text: string; resolution: boolean }[];
}

export interface StandInRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** The external id the request names: the body's (ticket creation) or the query's (search by it). */
  externalId: string | null;
  status: number;
}

/** Called after a ticket is stored, before the answer: may hold the answer back, or never give it. */
export type CreateHook = (ticket: StandInTicket) => Promise<void> | void;

/**
 * A PSA speaking our contract (docs/psa/psa-api.openapi.yaml) on a real local HTTP port: bearer key,
 * Idempotency-Key replays, unique external ids, a search by external id, notes, close and status. Tests
 * can make it answer an error for a while and intercept ticket creation.
 */
export class PsaStandIn {
  readonly tickets = new Map<string, StandInTicket>();
  readonly requests: StandInRequest[] = [];
  private readonly replays = new Map<string, { status: number; body: unknown }>();
  private failure: { status: number; message: string } | null = null;
  private createHook?: CreateHook;
  private nextId = 1000;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly key: string,
  ) {}

  static async start(key = 'psa-stand-in-key-0123456789'): Promise<PsaStandIn> {
    const holder: { standIn?: PsaStandIn } = {};
    const server = createServer((request, response) => void holder.standIn?.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    holder.standIn = new PsaStandIn(server, url, key);
    return holder.standIn;
  }

  /** Every request answers this until `recover()`. */
  failWith(status: number, message = 'Service temporarily unavailable'): void {
    this.failure = { status, message };
  }

  recover(): void {
    this.failure = null;
  }

  onCreate(hook: CreateHook | undefined): void {
    this.createHook = hook;
  }

  ticketByExternalId(externalId: string): StandInTicket | undefined {
    return [...this.tickets.values()].find((ticket) => ticket.externalId === externalId);
  }

  /** The ticket creations asked for (of the incident's external id, when given). */
  creates(externalId?: string): StandInRequest[] {
    return this.requests.filter(
      (request) =>
        request.method === 'POST' &&
        request.path === '/api/tickets' &&
        (externalId === undefined || request.externalId === externalId),
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
    const body = await readBody(request);
    const answer = async () => {
      if (request.headers.authorization !== `Bearer ${this.key}`) return { status: 401, body: { detail: 'Unknown key' } }; // prettier-ignore
      if (this.failure) return { status: this.failure.status, body: { detail: this.failure.message } };
      const replay = idempotencyKey ? this.replays.get(idempotencyKey) : undefined;
      if (replay) return replay;
      const result = await this.route(request.method ?? 'GET', url, body);
      if (idempotencyKey && result.status < 500) this.replays.set(idempotencyKey, result);
      return result;
    };
    const result = await answer();
    const externalId =
      typeof body.externalId === 'string' ? body.externalId : url.searchParams.get('externalId');
    this.requests.push({ method: request.method ?? 'GET', path: url.pathname, idempotencyKey, externalId, status: result.status }); // prettier-ignore
    if (response.destroyed) return;
    response.writeHead(result.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result.body));
  }

  private async route(method: string, url: URL, body: Record<string, unknown>) {
    const ticketPath = /^\/api\/tickets\/([^/]+)(\/notes|\/close)?$/.exec(url.pathname);
    if (method === 'GET' && url.pathname === '/api/tickets') {
      const ticket = this.ticketByExternalId(url.searchParams.get('externalId') ?? '');
      return { status: 200, body: { items: ticket ? [this.view(ticket)] : [] } };
    }
    if (method === 'POST' && url.pathname === '/api/tickets') return this.create(body);
    const ticket = ticketPath ? this.tickets.get(decodeURIComponent(ticketPath[1])) : undefined;
    if (!ticket) return { status: 404, body: { detail: 'No such ticket' } };
    if (method === 'POST' && ticketPath?.[2] === '/notes') {
      ticket.notes.push({ text: String(body.text), resolution: body.resolution === true });
      return { status: 201, body: { id: String(ticket.notes.length) } };
    }
    if (method === 'POST' && ticketPath?.[2] === '/close') {
      ticket.status = 'Closed';
      return { status: 200, body: this.view(ticket) };
    }
    if (method === 'PATCH' && !ticketPath?.[2]) {
      ticket.status = String(body.status);
      return { status: 200, body: this.view(ticket) };
    }
    return { status: 405, body: { detail: 'Not part of the contract' } };
  }

  private async create(body: Record<string, unknown>) {
    const externalId = String(body.externalId ?? '');
    if (this.ticketByExternalId(externalId))
      return { status: 409, body: { detail: `A ticket with external id ${externalId} exists` } };
    if (body.company === 'UNKNOWN')
      return { status: 422, body: { detail: 'Company UNKNOWN does not exist' } };
    const ticket: StandInTicket = {
      id: String(this.nextId++),
      externalId,
      company: (body.company as string | null) ?? null,
      board: (body.board as string | null) ?? null,
      priority: String(body.priority),
      title: String(body.title),
      description: String(body.description),
      device: (body.device as string | null) ?? null,
      status: 'New',
      notes: [],
    };
    this.tickets.set(ticket.id, ticket);
    await this.createHook?.(ticket);
    return { status: 201, body: this.view(ticket) };
  }

  private view(ticket: StandInTicket) {
    return { id: ticket.id, url: `https://psa.example/tickets/${ticket.id}`, status: ticket.status };
  }
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>); // prettier-ignore
  } catch {
    return {};
  }
}
