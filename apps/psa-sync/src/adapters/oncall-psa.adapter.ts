import {
  classifyPsaFailure,
  PsaCapabilities,
  PsaTicketRef,
  TicketInput,
  TicketNote,
} from '@oncall/psa-domain';
import { PsaAdapter, PsaCallError, PsaCallOptions } from './psa-adapter.port';

/** A call that takes longer is abandoned (outcome unknown: the next attempt looks the ticket up first). */
export const PSA_REQUEST_TIMEOUT_MS = 10_000;

interface TicketBody {
  id?: unknown;
  url?: unknown;
}

/**
 * Our PSA contract over HTTP (docs/psa/psa-api.openapi.yaml): bearer service key, Idempotency-Key on every
 * write, the incident's external id on the ticket and a search by it.
 */
export class OncallPsaAdapter implements PsaAdapter {
  readonly provider = 'psa';
  readonly capabilities: PsaCapabilities = {
    findByExternalId: true,
    idempotencyKeys: true,
    notes: true,
    closeTicket: true,
    setStatus: true,
  };
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly serviceKey: string,
  ) {
    this.base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  }

  async createTicket(input: TicketInput, options: PsaCallOptions): Promise<PsaTicketRef> {
    try {
      return this.ticketOf(await this.call<TicketBody>('POST', 'tickets', input, options));
    } catch (error) {
      // Another request made it already (the PSA keeps external ids unique): that ticket is ours.
      if (!(error instanceof PsaCallError) || error.failure.status !== 409) throw error;
      const existing = await this.findByExternalId(input.externalId);
      if (existing) return existing;
      throw error;
    }
  }

  async findByExternalId(externalId: string): Promise<PsaTicketRef | null> {
    const path = `tickets?externalId=${encodeURIComponent(externalId)}`;
    const found = await this.call<{ items?: TicketBody[] }>('GET', path);
    const first = Array.isArray(found?.items) ? found.items[0] : undefined;
    return first ? this.ticketOf(first) : null;
  }

  async addNote(ticket: PsaTicketRef, note: TicketNote, options: PsaCallOptions): Promise<void> {
    await this.call('POST', `${this.ticketPath(ticket)}/notes`, note, options);
  }

  async closeTicket(ticket: PsaTicketRef, options: PsaCallOptions): Promise<void> {
    await this.call('POST', `${this.ticketPath(ticket)}/close`, {}, options);
  }

  async setStatus(ticket: PsaTicketRef, status: string, options: PsaCallOptions): Promise<void> {
    await this.call('PATCH', this.ticketPath(ticket), { status }, options);
  }

  private ticketPath(ticket: PsaTicketRef): string {
    return `tickets/${encodeURIComponent(ticket.ticketId)}`;
  }

  private ticketOf(body: TicketBody | undefined): PsaTicketRef {
    const id = body?.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length === 0)
      throw new PsaCallError({
        kind: 'transient',
        status: null,
        message: 'The PSA answered without a ticket id',
      });
    const url = typeof body?.url === 'string' && /^https?:\/\//.test(body.url) ? body.url : null;
    return { provider: this.provider, ticketId: String(id), url };
  }

  private async call<T>(method: string, path: string, body?: unknown, options?: PsaCallOptions): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        redirect: 'manual',
        signal: AbortSignal.timeout(PSA_REQUEST_TIMEOUT_MS),
        headers: {
          authorization: `Bearer ${this.serviceKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options ? { 'idempotency-key': options.idempotencyKey } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new PsaCallError(classifyPsaFailure({ errorName: cause?.code ?? (error as Error).name }));
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new PsaCallError(classifyPsaFailure({ status: response.status, message: messageOf(text) })); // prettier-ignore
    return (text ? parseJson(text) : undefined) as T;
  }
}

/** The PSA's own words: problem+json `detail`, else `message`, `error` or `title`, else the body's text. */
function messageOf(text: string): string | undefined {
  const body = parseJson(text) as Record<string, unknown> | undefined;
  for (const key of ['detail', 'message', 'error', 'title']) {
    if (typeof body?.[key] === 'string' && body[key]) return body[key] as string;
  }
  return body === undefined && text.trim() ? text.trim().slice(0, 500) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
