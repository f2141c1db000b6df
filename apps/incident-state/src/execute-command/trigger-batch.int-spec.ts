import { ExecuteIncidentCommand, MessageContext } from '@oncall/contracts';
import { CreateEventStore1764201600001, PostgresEventStore } from '@oncall/platform-event-store';
import { OUTBOX_MIGRATIONS, relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { openServiceDataSource } from '@oncall/platform-persistence';
import { createTestDatabase, TestDatabase } from '@oncall/platform-testing';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { IncidentCommandExecutor } from './incident-command-executor';

let database: TestDatabase;
let dataSource: DataSource;
let executor: IncidentCommandExecutor;

beforeAll(async () => {
  database = await createTestDatabase('triggerbatch');
  const schema = `tb_${randomBytes(4).toString('hex')}`;
  dataSource = await openServiceDataSource({
    url: database.url,
    schema,
    migrations: [...OUTBOX_MIGRATIONS, CreateEventStore1764201600001],
    applicationName: 'trigger-batch-test',
  });
  const store = new PostgresEventStore(
    dataSource,
    relayEventsThroughOutbox(() => 'oncall.evt.test.v1'),
  );
  executor = IncidentCommandExecutor.withoutSnapshots(store, pino({ level: 'silent' }));
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

function item(orgId: string, title: string, incidentId = randomUUID()) {
  const request: ExecuteIncidentCommand = {
    command: {
      type: 'TriggerIncident',
      data: {
        incidentId,
        orgId,
        serviceId: 'svc-1',
        escalationPolicyId: null,
        title,
        severity: 'high',
        urgency: 'high',
        alert: { alertId: incidentId, dedupKey: `k-${incidentId}`, summary: title, severity: 'high' },
      },
      by: { kind: 'integration', integrationId: 'int-1' },
      at: '2027-01-01T10:00:00.000Z',
    },
  };
  const context: MessageContext = { orgId, correlationId: `corr-${incidentId}`, causationId: null };
  return { request, context };
}

describe('IncidentCommandExecutor.executeBatch', () => {
  it('opens new incidents in one transaction and answers every other trigger as it would alone', async () => {
    const existing = item('org-a', 'Already open');
    await executor.execute(existing.request, existing.context);
    const items = [
      item('org-a', 'Disk full on FS01'),
      existing,
      item('org-b', '   '),
      item('org-b', 'Backup failed'),
    ];
    const alone = await executor.execute(existing.request, existing.context);

    const answers = await executor.executeBatch(items);

    expect(answers.map((answer) => (answer.ok ? answer.data.appended : answer.error.code))).toEqual([
      ['IncidentTriggered'],
      [],
      'VALIDATION',
      ['IncidentTriggered'],
    ]);
    expect(answers[1]).toEqual({ ok: true, data: alone });
    const opened = [items[0], items[3]].map((opener) => opener.request.command.data.incidentId);
    const rows: { stream_id: string; transaction_id: string; metadata: MessageContext }[] =
      await dataSource.query(
        `SELECT stream_id, transaction_id::text, metadata FROM events WHERE stream_id LIKE ANY($1)`,
        [opened.map((incidentId) => `%${incidentId}`)],
      );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.transaction_id)).size).toBe(1);
    // Each event carries its own command's context, not the batch's.
    expect(rows.map((row) => row.metadata.orgId).sort()).toEqual(['org-a', 'org-b']);
  });

  it('refuses a command acting for another organization than its context, alone', async () => {
    const stray = item('org-a', 'Stray');
    const answers = await executor.executeBatch([
      { ...stray, context: { ...stray.context, orgId: 'org-b' } },
      item('org-b', 'Fine'),
    ]);
    expect(answers.map((answer) => (answer.ok ? 'ok' : answer.error.code))).toEqual(['FORBIDDEN', 'ok']);
  });

  it('keeps the order of two triggers of one incident in a batch: the second is answered as a repeat of the first', async () => {
    const opener = item('org-c', 'Printer offline');
    const answers = await executor.executeBatch([opener, opener]);
    expect(answers.map((answer) => answer.ok && answer.data.appended)).toEqual([['IncidentTriggered'], []]);
  });

  it('records the repeats of several incidents in one transaction; a repeat of an incident this process does not know goes alone', async () => {
    const openers = [item('org-d', 'CPU high on WEB1'), item('org-d', 'CPU high on WEB2')];
    await executor.executeBatch(openers);
    const unknown = repeat(item('org-d', 'Never opened'), 7);

    const answers = await executor.executeBatch([repeat(openers[0], 5), repeat(openers[1], 6), unknown]);

    expect(answers.map((answer) => (answer.ok ? answer.data.appended : answer.error.code))).toEqual([
      ['AlertRepeated'],
      ['AlertRepeated'],
      'INCIDENT_NOT_FOUND',
    ]);
    const rows: { transaction_id: string }[] = await dataSource.query(
      `SELECT transaction_id::text FROM events WHERE type = 'AlertRepeated' AND stream_id LIKE ANY($1)`,
      [openers.map((opener) => `%${opener.request.command.data.incidentId}`)],
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.transaction_id)).size).toBe(1);
  });
});

/** A RecordAlertRepeats of the incident `opener` opens, carrying one stream sequence. */
function repeat(opener: ReturnType<typeof item>, sequence: number) {
  const { incidentId, orgId, alert } = opener.request.command.data as { incidentId: string; orgId: string; alert: { dedupKey: string } }; // prettier-ignore
  const request: ExecuteIncidentCommand = {
    command: {
      type: 'RecordAlertRepeats',
      data: {
        incidentId,
        orgId,
        dedupKey: alert.dedupKey,
        integrationId: 'int-1',
        sequences: [sequence],
        last: { alertId: randomUUID(), summary: 'Again', severity: 'high' },
      },
      by: { kind: 'integration', integrationId: 'int-1' },
      at: '2027-01-01T10:05:00.000Z',
    },
  };
  return { request, context: opener.context };
}
