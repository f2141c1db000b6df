import { PATTERN_HANDLER_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { PatternHandler } from '@nestjs/microservices/enums/pattern-handler.enum';
import {
  Commands,
  CursorPage,
  IncidentDetail,
  PAGE_MAX_BYTES,
  Queries,
  RpcReply,
  TriggerIncidentBatchResult,
} from '@oncall/contracts';
import { NewEvent, PostgresEventStore } from '@oncall/platform-event-store';
import { relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { encodeJson, MessageBus } from '@oncall/platform-messaging';
import { createServiceDataSource } from '@oncall/platform-persistence';
import { freePort, ServiceProcess, spawnService, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import {
  incidentOutboxSubject,
  incidentStreamId,
} from '../apps/incident-state/src/event-store/incident-streams';
import { INCIDENT_STATE_SCHEMA } from '../apps/incident-state/src/incident-state.service';
import { IncidentStateModule } from '../apps/incident-state/src/incident-state.module';
import { PlatformHarness } from './support/platform-harness';

const ALERTS = 3_000;
const MERGED_ALERTS = 500;
const NOTES = 100;
const LONG_TITLED_INCIDENTS = 210;
const NATS_MAX_PAYLOAD = 1024 * 1024;
/** Three pages of the detail, the summary and a margin: what any answer may weigh at most. */
const ANSWER_LIMIT = 3 * PAGE_MAX_BYTES + 64 * 1024;

// Long and wide: 1,000 characters of 2 bytes each, plus control characters JSON escapes to 6 bytes.
const summaryOf = (n: number) => `${n} ${'é'.repeat(990)}${'\u0001'.repeat(8)}`;
const NOTE = '€'.repeat(10_000); // the longest note the domain takes, 30 KB of UTF-8
const TITLE = '\u0001'.repeat(1_024); // the longest title, 6 KB of JSON

/**
 * The class of defect behind "opening a large incident kills incident-state": every incident-state query
 * or command whose answer can grow with data answers bounded pages, however large the incident, and the
 * service (a real process here) stays up. Data is appended through incident-state's own event store (fast)
 * and projected by the running service.
 */
describe('A very large incident, through every incident-state answer that grows with data', () => {
  let platform: PlatformHarness;
  let incidentState: ServiceProcess;
  let demo: DemoOrganization;
  let bus: MessageBus;
  let store: { dataSource: DataSource; events: PostgresEventStore };
  let manager: string;
  const big = randomUUID();
  const source = randomUUID();
  const subjectsAsked = new Set<string>();

  beforeAll(async () => {
    platform = await PlatformHarness.create('large');
    await platform.start('admin-api');
    demo = await platform.seedDemo();
    manager = platform.token(demo.orgId, 'manager', demo.managerUserId);
    incidentState = await spawnService('incident-state', { env: platform.env, port: await freePort() });
    bus = await platform.connectBus();
    const dataSource = createServiceDataSource({
      url: platform.database.url,
      schema: INCIDENT_STATE_SCHEMA,
      migrations: [],
      applicationName: 'large-incident-test',
    });
    await dataSource.initialize();
    store = {
      dataSource,
      events: new PostgresEventStore(dataSource, relayEventsThroughOutbox(incidentOutboxSubject)),
    };
    await appendIncident(big, 'Everything is down', ALERTS, NOTES);
    await appendIncident(source, 'Also down', MERGED_ALERTS, 0);
    for (let n = 0; n < LONG_TITLED_INCIDENTS; n++) await appendIncident(randomUUID(), TITLE, 1, 0);
    await waitFor(
      'the read models to hold every alert',
      async () => {
        const [row] = await dataSource.query('SELECT count(*)::int AS n FROM incident_alerts');
        return row.n === ALERTS + MERGED_ALERTS + LONG_TITLED_INCIDENTS;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }, 180_000);
  afterAll(async () => {
    await bus?.close();
    await store?.dataSource.destroy();
    await incidentState?.stop();
    await platform.close();
  });

  /** A request as admin-api makes it; checks the raw reply's size before anything is decoded. */
  async function ask<T>(subject: string, data: unknown): Promise<T> {
    subjectsAsked.add(subject);
    const body = { data, context: { orgId: demo.orgId, correlationId: randomUUID(), causationId: null } };
    const reply = await bus.nc.request(bus.namespace.subject(subject), encodeJson(body), { timeout: 30_000 });
    expect({ subject, bytes: reply.data.length < ANSWER_LIMIT }).toEqual({ subject, bytes: true });
    const decoded = reply.json<RpcReply<T>>();
    if (!decoded.ok) throw new Error(`${subject}: ${decoded.error.code} ${decoded.error.message}`);
    return decoded.data;
  }

  async function walk<T>(subject: string, query: object): Promise<T[][]> {
    const pages: T[][] = [];
    let cursor: string | undefined;
    do {
      const page = await ask<CursorPage<T>>(subject, { ...query, limit: 200, ...(cursor ? { cursor } : {}) });
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  }

  it('answers the detail with first pages and totals, and every page of alerts, notes and timeline bounded', async () => {
    const detail = await ask<IncidentDetail>(Queries.incident.get, { incidentId: big });
    expect(detail.incident.alertCount).toBe(ALERTS);
    expect(detail.alerts.items[0].position).toBe(ALERTS); // newest first
    expect(detail.alerts.nextCursor).not.toBeNull();
    expect(detail.notes.nextCursor).not.toBeNull();

    const alerts = await walk<{ position: number }>(Queries.incident.alerts, { incidentId: big });
    expect(alerts.flat().map((alert) => alert.position)).toEqual(range(ALERTS).reverse());
    const notes = await walk<{ text: string }>(Queries.incident.notes, { incidentId: big });
    expect(notes.flat()).toHaveLength(NOTES);
    expect(Math.max(...notes.map((page) => page.length))).toBeLessThan(200); // cut by bytes, not count
    const timeline = await walk<{ version: number }>(Queries.incident.timeline, { incidentId: big });
    expect(timeline.flat().map((entry) => entry.version)).toEqual(range(ALERTS + NOTES).reverse());
  }, 60_000);

  it('answers the incident list in pages bounded by bytes when titles are long', async () => {
    const pages = await walk<{ title: string }>(Queries.incident.list, {});
    expect(pages.flat()).toHaveLength(LONG_TITLED_INCIDENTS + 2);
    expect(pages.length).toBeGreaterThan(2);
  });

  it('merges the large incidents and answers every command with the incident summary only', async () => {
    const response = await platform.api(`/api/v1/incidents/${big}/merge`, manager, {
      method: 'POST',
      body: JSON.stringify({ sourceIncidentIds: [source] }),
    });
    subjectsAsked.add(Commands.incident.merge);
    expect(response.status).toBe(200);
    const merged = (await response.json()) as { incident: { alertCount: number } };
    expect(merged.incident.alertCount).toBe(ALERTS + MERGED_ALERTS);
    const acknowledged = await ask<{ incident: { status: string } }>(
      Commands.incident.execute('AcknowledgeIncident'),
      {
        command: {
          type: 'AcknowledgeIncident',
          data: { incidentId: big, orgId: demo.orgId },
          by: { kind: 'user', userId: demo.managerUserId },
          at: new Date().toISOString(),
        },
      },
    );
    expect(acknowledged.incident.status).toBe('acknowledged');
    subjectsAsked.add(Commands.incident.all);
    const detail = await waitFor('the merge projected', async () => {
      const current = await ask<IncidentDetail>(Queries.incident.get, { incidentId: big });
      return current.mergedIncidentCount === 1 ? current : undefined;
    });
    const alerts = await walk<{ position: number }>(Queries.incident.alerts, { incidentId: big });
    expect(alerts.flat()).toHaveLength(ALERTS + MERGED_ALERTS);
    expect(detail.timeline.items.find((entry) => entry.type === 'IncidentMerged')?.detail).toMatchObject({
      alertCount: MERGED_ALERTS,
    });
  }, 60_000);

  it('serves the same through the API, refuses a forged cursor with 400 naming it, and stays up', async () => {
    const detail = await platform.api(`/api/v1/incidents/${big}`, manager);
    expect(detail.status).toBe(200);
    expect(Number((await detail.arrayBuffer()).byteLength)).toBeLessThan(NATS_MAX_PAYLOAD);
    for (const list of ['alerts', 'notes', 'timeline']) {
      const forged = Buffer.from(JSON.stringify([`incident-${list}`, -1])).toString('base64url');
      const refused = await platform.api(`/api/v1/incidents/${big}/${list}?cursor=${forged}`, manager);
      expect({ list, status: refused.status, body: await refused.json() }).toMatchObject({
        list,
        status: 400,
        body: { errors: [{ field: 'cursor' }] },
      });
    }
    const docs = (await (await fetch(`${platform.url('admin-api')}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    for (const list of ['alerts', 'notes', 'timeline']) {
      const parameters = docs.paths[`/api/v1/incidents/{id}/${list}`]?.get?.parameters ?? [];
      expect({ list, parameters: parameters.map((p) => p.name).sort() }).toEqual({
        list,
        parameters: ['cursor', 'id', 'limit'],
      });
    }
    expect([incidentState.child.exitCode, incidentState.child.signalCode]).toEqual([null, null]);
    expect((await fetch(`${incidentState.url}/healthz`)).status).toBe(200);
  });

  it('answers a full batch of new incidents with the longest titles within the bound', async () => {
    const at = new Date().toISOString();
    const items = Array.from({ length: 50 }, () => {
      const incidentId = randomUUID();
      return {
        command: {
          type: 'TriggerIncident',
          data: {
            incidentId,
            orgId: demo.orgId,
            serviceId: randomUUID(),
            escalationPolicyId: null,
            title: TITLE,
            severity: 'high',
            urgency: 'high',
            alert: { alertId: incidentId, dedupKey: `batch-${incidentId}`, summary: TITLE, severity: 'high' },
          },
          by: { kind: 'integration', integrationId: randomUUID() },
          at,
        },
        context: { orgId: demo.orgId, correlationId: randomUUID(), causationId: incidentId },
      };
    });
    const { results } = await ask<TriggerIncidentBatchResult>(Commands.incident.triggerBatch, { items });
    expect(results.map((result) => result.ok && result.data.appended)).toEqual(
      items.map(() => ['IncidentTriggered']),
    );
  });

  it('has asked every subject incident-state answers (a new query must be added here)', () => {
    const answered = new Set<string>();
    for (const controller of controllersOf(IncidentStateModule)) {
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        // Request/reply only: durable consumers (@EventPattern) answer nobody.
        if (Reflect.getMetadata(PATTERN_HANDLER_METADATA, handler) !== PatternHandler.MESSAGE) continue;
        const patterns: unknown = Reflect.getMetadata(PATTERN_METADATA, handler);
        if (Array.isArray(patterns)) for (const pattern of patterns) answered.add(String(pattern));
      }
    }
    expect([...answered].sort()).toEqual(
      [...subjectsAsked].filter((subject) => answered.has(subject)).sort(),
    );
    expect(answered.size).toBeGreaterThanOrEqual(7);
  });

  async function appendIncident(incidentId: string, title: string, alerts: number, notes: number) {
    const at = new Date().toISOString();
    const by = { kind: 'integration', integrationId: randomUUID() };
    const alert = (n: number) => ({
      alertId: randomUUID(),
      dedupKey: `${incidentId}-key-${n}-${'k'.repeat(160)}`,
      summary: summaryOf(n),
      severity: 'high',
      receivedAt: at,
    });
    const events: NewEvent[] = [
      event('IncidentTriggered', {
        incidentId,
        by,
        at,
        orgId: demo.orgId,
        serviceId: demo.serviceId,
        escalationPolicyId: null,
        title,
        severity: 'high',
        urgency: 'high',
        priority: null,
        alert: alert(1),
      }),
      ...range(alerts - 1).map((n) => event('AlertAppended', { incidentId, by, at, alert: alert(n + 1) })),
      ...range(notes).map(() =>
        event('NoteAdded', {
          incidentId,
          by: { kind: 'user', userId: demo.managerUserId },
          at,
          noteId: randomUUID(),
          text: NOTE,
        }),
      ),
    ];
    for (let from = 0; from < events.length; from += 500) {
      await store.events.appendToStream(incidentStreamId(incidentId), events.slice(from, from + 500), {
        expectedVersion: from,
        metadata: { orgId: demo.orgId, correlationId: randomUUID(), causationId: null, occurredAt: at },
      });
    }
  }
});

function event(type: string, data: object): NewEvent {
  return { eventId: randomUUID(), type, schemaVersion: 1, data };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

/** The controllers a Nest module declares (its @Module metadata), where the message patterns live. */
function controllersOf(module: object): (new (...args: never[]) => Record<string, unknown>)[] {
  return Reflect.getMetadata('controllers', module) ?? [];
}
