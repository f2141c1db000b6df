import { DirectoryChanged, MessageEnvelope, Streams } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { AckPolicy, connect, DeliverPolicy, NatsConnection } from 'nats';
import type { AuditEntryView } from '../../apps/admin-api/src/directory/audit/audit-entry.view';
import { PlatformHarness } from './platform-harness';
import { ServiceName } from './service-catalogue';

/** What the directory end-to-end tests share: HTTP with status checks, the audit log, and directory events. */
export class DirectoryProbe {
  protected constructor(
    readonly platform: PlatformHarness,
    private readonly nc: NatsConnection,
  ) {}

  /**
   * A platform running admin-api (and `services`, when a test needs more) on a database and NATS namespace of
   * its own.
   */
  static async start(label: string, services: ServiceName[] = []): Promise<DirectoryProbe> {
    return new DirectoryProbe(...(await DirectoryProbe.launch(label, services)));
  }

  /** Starts the platform and connects to NATS (for this class and its extension). */
  protected static async launch(
    label: string,
    services: ServiceName[],
  ): Promise<[PlatformHarness, NatsConnection]> {
    const platform = await PlatformHarness.create(label);
    try {
      await platform.start('admin-api', ...services);
      return [platform, await connect({ servers: platform.env.NATS_URL })];
    } catch (error) {
      await platform.close(); // nothing is left holding database connections when a start fails
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.nc.close();
    await this.platform.close();
  }

  /** Calls the API and checks the status; answers the parsed body (undefined for 204). */
  async call<T = Record<string, unknown>>(
    token: string,
    method: string,
    path: string,
    expectedStatus: number,
    body?: unknown,
  ): Promise<T> {
    const response = await this.platform.api(path, token, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expectedStatus) {
      throw new Error(`${method} ${path}: expected ${expectedStatus}, got ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The id of the user `token` signs in as (provisioned on its first sign-in). */
  async userIdOf(token: string): Promise<string> {
    return (await this.call<{ id: string }>(token, 'GET', '/api/v1/me', 200)).id;
  }

  /** A problem+json refusal: checks status, content type and, for 400, that `field` is named. */
  async problem(
    token: string,
    method: string,
    path: string,
    status: number,
    body?: unknown,
    field?: string,
  ): Promise<Problem> {
    const response = await this.platform.api(path, token, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Problem;
    if (field) expect((problem.errors ?? []).map((error) => error.field)).toContain(field);
    return problem;
  }

  /**
   * Every item of a list endpoint, following `nextCursor` page by page. More than `maxPages` pages is a
   * failure (a cursor that never ends, or a test listing more than it meant to), never a silent stop.
   */
  async walk<T extends { id: string }>(
    token: string,
    path: string,
    limit: number,
    maxPages = 100,
  ): Promise<T[][]> {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      if (pages.length === maxPages) {
        throw new Error(`${path}: still a nextCursor after ${maxPages} pages of ${limit}; is it looping?`);
      }
      const separator = path.includes('?') ? '&' : '?';
      const query: string = `${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: { items: T[]; nextCursor: string | null } = await this.call(
        token,
        'GET',
        `${path}${query}`,
        200,
      );
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  /**
   * Checks that walking `path` `limit` at a time gives exactly the items of one page of 200, in order,
   * in as few pages as they fill.
   */
  async expectWalkMatchesOnePage<T extends { id: string }>(token: string, path: string, limit: number) {
    const all = await this.call<{ items: T[] }>(token, 'GET', `${path}?limit=200`, 200);
    const pages = await this.walk<T>(token, path, limit);
    expect(pages.length).toBe(Math.ceil(all.items.length / limit));
    expect(pages.flat()).toEqual(all.items);
  }

  /** Audit entries of one resource, newest first. */
  async audit(token: string, resourceType: string, resourceId: string): Promise<AuditEntry[]> {
    const query = `resourceType=${resourceType}&resourceId=${encodeURIComponent(resourceId)}&limit=200`;
    const page = await this.call<{ items: AuditEntry[] }>(token, 'GET', `/api/v1/audit-log?${query}`, 200);
    return page.items;
  }

  /** Waits for the directory event `<resource>-<action>` about `resourceId` on JetStream. */
  event(resource: string, action: string, resourceId: string): Promise<DirectoryEvent> {
    return waitFor(`${resource}-${action} event for ${resourceId}`, async () => {
      const events = await this.events(`oncall.evt.directory.${resource}-${action}.v1`);
      return events.find((event) => event.data.resourceId === resourceId);
    });
  }

  /**
   * The events on a subject about one resource, once at least `expected` of them have been relayed from
   * the outbox, plus whatever arrives in a short settle time (so an extra event would be seen, too).
   */
  async eventsAbout(subject: string, resourceId: string, expected: number): Promise<DirectoryEvent[]> {
    const about = async () =>
      (await this.events(subject)).filter((event) => event.data.resourceId === resourceId);
    await waitFor(
      `${expected} ${subject} events about ${resourceId}`,
      async () => (await about()).length >= expected,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    return about();
  }

  /** Every event on a (namespaced) directory subject, oldest first. */
  events(subject: string): Promise<DirectoryEvent[]> {
    return this.streamEvents<DirectoryEvent>(Streams.directory.name, subject);
  }

  /** Every message on a (namespaced) subject of the stream `streamName`, oldest first, parsed. */
  async streamEvents<T>(streamName: string, subject: string): Promise<T[]> {
    const prefix = this.platform.env.NATS_SUBJECT_PREFIX!;
    const stream = `${prefix}_${streamName}`;
    const jsm = await this.nc.jetstreamManager();
    const info = await jsm.consumers.add(stream, {
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${prefix}.${subject}`,
      inactive_threshold: 5_000_000_000,
    });
    try {
      const consumer = await this.nc.jetstream().consumers.get(stream, info.name);
      const pending = (await consumer.info()).num_pending;
      const events: T[] = [];
      if (pending === 0) return events;
      for await (const message of await consumer.fetch({ max_messages: pending, expires: 1_000 })) {
        events.push(message.json());
        if (events.length === pending) break;
      }
      return events;
    } finally {
      await jsm.consumers.delete(stream, info.name);
    }
  }
}

/**
 * A DirectoryProbe acting in one organization as its manager (Hub user `boss`): what most directory specs
 * stand on. The manager is provisioned at the start (their first sign-in), so `managerId` is known.
 */
export class OrgProbe extends DirectoryProbe {
  private id = '';

  private constructor(
    platform: PlatformHarness,
    nc: NatsConnection,
    readonly orgId: string,
  ) {
    super(platform, nc);
  }

  static async startIn(label: string, orgId: string, services: ServiceName[] = []): Promise<OrgProbe> {
    const probe = new OrgProbe(...(await DirectoryProbe.launch(label, services)), orgId);
    try {
      probe.id = await probe.userIdOf(probe.manager());
      return probe;
    } catch (error) {
      await probe.close();
      throw error;
    }
  }

  /** A token of the organization's manager. */
  manager(): string {
    return this.platform.token(this.orgId, 'manager', 'boss');
  }

  /** The manager's user id. */
  get managerId(): string {
    return this.id;
  }

  /** `call` as the manager. */
  asManager<T = Record<string, unknown>>(...request: ApiRequest): Promise<T> {
    return this.call<T>(this.manager(), ...request);
  }

  /** `problem` as the manager. */
  problemAsManager(...request: [...ApiRequest, field?: string]): Promise<Problem> {
    return this.problem(this.manager(), ...request);
  }
}

/** A request's method, path, expected status and body, as `call` and `problem` take them after the token. */
type ApiRequest = [method: string, path: string, status: number, body?: unknown];

export interface Problem {
  status: number;
  detail: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

/** An audit-log entry as the API answers it. */
export type AuditEntry = AuditEntryView;

export type DirectoryEvent = MessageEnvelope<string, DirectoryChanged>;

export const ISO_INSTANT = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
export const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
