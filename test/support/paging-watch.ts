import {
  escalationEventSubject,
  MessageEnvelope,
  NOTIFY_REQUESTED,
  NotifyRequested,
  Streams,
} from '@oncall/contracts';
import { decodeJson, MessageBus } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { Subscription } from 'nats';

export interface SeenPage {
  request: NotifyRequested;
  /** Wall time the watch received it (for latency figures). */
  receivedAt: number;
}

/**
 * Everything the escalation engine publishes from the moment the watch starts (a plain subscription to
 * the subjects ONCALL_ESCALATION stores): the pages (NotifyRequested, one per person) and the facts of
 * each walk, GoAlert's "expect a message" for our tests.
 */
export class PagingWatch {
  readonly pages: SeenPage[] = [];
  readonly facts: MessageEnvelope[] = [];
  private readonly listeners = new Set<(page: SeenPage) => void>();
  private loop?: Promise<void>;

  private constructor(
    private readonly bus: MessageBus,
    private readonly messages: Subscription,
  ) {}

  static async start(bus: MessageBus): Promise<PagingWatch> {
    const watch = new PagingWatch(bus, bus.nc.subscribe(bus.namespace.subject('oncall.evt.escalation.>')));
    watch.loop = watch.follow();
    await bus.nc.flush();
    return watch;
  }

  async stop(): Promise<void> {
    this.messages.unsubscribe();
    await this.loop;
  }

  /**
   * Every message the server routed to the watch before this call has been read into `pages`/`facts`
   * (a flush is a round trip: the server has sent this connection everything it routed before the answer).
   */
  async caughtUp(): Promise<void> {
    await this.bus.nc.flush();
    await waitFor('the paging watch to read what it was sent', () => this.messages.getPending() === 0, {
      intervalMs: 10,
    });
  }

  /** Called with every page from now on (the bench measures latency with it). */
  onPage(listener: (page: SeenPage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pagesFor(incidentId: string, kind: NotifyRequested['kind'] = 'page'): NotifyRequested[] {
    return this.pages
      .map((page) => page.request)
      .filter((request) => request.incidentId === incidentId && request.kind === kind);
  }

  factsFor(incidentId: string, type?: string): MessageEnvelope[] {
    return this.facts.filter(
      (fact) =>
        (fact.data as { incidentId?: string }).incidentId === incidentId && (!type || fact.type === type),
    );
  }

  /** Waits until the incident has at least `count` pages of `kind`, and answers them all. */
  waitForPages(
    incidentId: string,
    count: number,
    kind: NotifyRequested['kind'] = 'page',
    timeoutMs = 10_000,
  ): Promise<NotifyRequested[]> {
    return waitFor(
      `${count} ${kind} request(s) for ${incidentId} (seen ${this.pagesFor(incidentId, kind).length})`,
      () => {
        const pages = this.pagesFor(incidentId, kind);
        return pages.length >= count ? pages : undefined;
      },
      { timeoutMs, intervalMs: 20 },
    );
  }

  waitForFact(incidentId: string, type: string, timeoutMs = 10_000): Promise<MessageEnvelope> {
    return waitFor(`${type} for ${incidentId}`, () => this.factsFor(incidentId, type)[0], {
      timeoutMs,
      intervalMs: 20,
    });
  }

  private async follow(): Promise<void> {
    for await (const message of this.messages) {
      const envelope = decodeJson<MessageEnvelope>(message.data);
      if (envelope.type !== NOTIFY_REQUESTED) {
        this.facts.push(envelope);
        continue;
      }
      const page = { request: envelope.data as NotifyRequested, receivedAt: Date.now() };
      this.pages.push(page);
      for (const listener of this.listeners) listener(page);
    }
  }
}

/** (level, cycle, person) of each page, in the order they were requested. */
export function stepsOf(pages: readonly NotifyRequested[]): string[] {
  return pages.map((page) => `L${page.level}C${page.cycle}:${page.userId}`);
}

/**
 * The pages ONCALL_ESCALATION holds, as notification will read them: a copy the relay published again
 * after a crash was dropped there by its message id (a plain subscription would still see it). Read with an
 * ordered consumer on the page subject, so thousands of pages among the facts take one pass.
 */
export async function storedPages(bus: MessageBus): Promise<NotifyRequested[]> {
  const consumer = await bus.js.consumers.get(bus.namespace.stream(Streams.escalation.name), {
    filterSubjects: bus.namespace.subject(escalationEventSubject(NOTIFY_REQUESTED)),
  });
  const pages: NotifyRequested[] = [];
  let pending = (await consumer.info()).num_pending;
  while (pending > 0) {
    const before = pages.length;
    const batch = await consumer.fetch({ max_messages: Math.min(pending, 1_000), expires: 5_000 });
    for await (const message of batch) {
      pages.push(decodeJson<MessageEnvelope<string, NotifyRequested>>(message.data).data);
      pending = message.info.pending;
    }
    if (pages.length === before) throw new Error(`${pending} stored page(s) could not be read`);
  }
  return pages;
}

/** How often each value occurs more than once (empty when all are distinct). */
export function repeated(values: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, count]) => count > 1));
}
