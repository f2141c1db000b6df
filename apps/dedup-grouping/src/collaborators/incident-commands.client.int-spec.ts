import { Commands, RpcRequest, TriggerIncidentBatch, TriggerIncidentBatchResult } from '@oncall/contracts';
import { IncidentCommand } from '@oncall/incident-domain';
import { MessageBus, RpcError, RpcResponder } from '@oncall/platform-messaging';
import { closeTestBus, openTestBus } from '@oncall/platform-messaging/testing';
import { createTestNamespace, TEST_NATS_URL } from '@oncall/platform-testing';
import pino from 'pino';
import { IncidentCommandsClient } from './incident-commands.client';

function trigger(n: number): IncidentCommand {
  return {
    type: 'TriggerIncident',
    data: {
      incidentId: `incident-${n}`,
      orgId: `org-${n % 3}`,
      serviceId: 'svc-1',
      escalationPolicyId: null,
      title: n === 7 ? '' : `Problem ${n}`,
      severity: 'high',
      urgency: 'high',
      alert: { alertId: `incident-${n}`, dedupKey: `k-${n}`, summary: `Problem ${n}`, severity: 'high' },
    },
    by: { kind: 'integration', integrationId: 'int-1' },
    at: '2027-01-01T10:00:00.000Z',
  };
}

/** A stand-in for incident-state on the real bus: answers each item by its title, and counts requests. */
describe('IncidentCommandsClient.trigger and batched (real NATS, incident-state replaced by a responder)', () => {
  const namespace = createTestNamespace('triggerclient');
  let bus: MessageBus;
  let responder: RpcResponder;
  const requests: TriggerIncidentBatch[] = [];

  beforeAll(async () => {
    bus = await openTestBus(namespace, TEST_NATS_URL, 'trigger-client-test', []);
    responder = new RpcResponder(bus.nc, bus.namespace, 'incident-state', pino({ level: 'silent' }));
    responder.listen(Commands.incident.triggerBatch, async (request: RpcRequest) => {
      const batch = request.data as TriggerIncidentBatch;
      requests.push(batch);
      return {
        results: batch.items.map(
          ({ command, context }) =>
          'title' in command.data && command.data.title === ''
            ? { ok: false, error: { code: 'VALIDATION', message: 'title must be non-empty' } }
            : { ok: true, data: { incident: { incidentId: command.data.incidentId, orgId: context.orgId }, appended: ['IncidentTriggered'] } }, // prettier-ignore
        ),
      } as TriggerIncidentBatchResult;
    });
  });
  afterAll(async () => {
    await responder.close();
    await closeTestBus(bus, namespace);
  });

  it('sends the triggers of one turn together and answers each caller with its own answer', async () => {
    const client = new IncidentCommandsClient(bus);
    const answers = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        client.trigger(trigger(n), { orgId: `org-${n % 3}`, correlationId: `c-${n}`, causationId: null }),
      ),
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].items.map((item) => item.context.correlationId)).toEqual(
      Array.from({ length: 10 }, (_, n) => `c-${n}`),
    );
    expect(
      answers.map((answer) =>
        answer.status === 'fulfilled' ? answer.value.incident.incidentId : (answer.reason as RpcError).code,
      ),
    ).toEqual(Array.from({ length: 10 }, (_, n) => (n === 7 ? 'VALIDATION' : `incident-${n}`)));
  });

  it('cuts a large turn into requests of at most 50', async () => {
    requests.length = 0;
    const client = new IncidentCommandsClient(bus);
    await Promise.all(
      Array.from({ length: 120 }, (_, n) =>
        client
          .trigger(trigger(n + 100), { orgId: `org-${(n + 100) % 3}`, correlationId: 'c', causationId: null })
          .catch(() => undefined),
      ),
    );
    expect(requests.map((request) => request.items.length).sort((a, b) => b - a)).toEqual([50, 50, 20]);
  });

  it('fails every caller of a request nobody answers, as a single command would fail', async () => {
    const unanswered = await MessageBus.connect({
      url: TEST_NATS_URL,
      connectionName: 'trigger-client-test-2',
      subjectPrefix: `${namespace.prefix}x`,
      streams: [],
    });
    try {
      const client = new IncidentCommandsClient(unanswered);
      const context = { orgId: 'org-1', correlationId: 'c', causationId: null };
      const answers = await Promise.allSettled([
        client.trigger(trigger(1), context),
        client.trigger(trigger(2), context),
      ]);
      expect(answers.map((answer) => answer.status === 'rejected' && (answer.reason as RpcError).code)).toEqual(['UNAVAILABLE', 'UNAVAILABLE']); // prettier-ignore
    } finally {
      await unanswered.close();
    }
  });

  it('sends a repeat with the next request, and a repeat of an incident still opening only after its trigger is answered', async () => {
    requests.length = 0;
    const client = new IncidentCommandsClient(bus);
    const context = { orgId: 'org-1', correlationId: 'c', causationId: null };
    await Promise.all([
      client.trigger(trigger(201), context),
      client.batched(repeatOf(201), context),
      client.batched(repeatOf(202), context),
    ]);
    expect(
      requests.map((request) =>
        request.items.map((item) => [item.command.type, item.command.data.incidentId]),
      ),
    ).toEqual([
      // prettier-ignore
      [['TriggerIncident', 'incident-201'], ['RecordAlertRepeats', 'incident-202']],
      [['RecordAlertRepeats', 'incident-201']],
    ]);
  });
});

function repeatOf(n: number): IncidentCommand {
  return {
    type: 'RecordAlertRepeats',
    data: {
      incidentId: `incident-${n}`,
      orgId: 'org-1',
      dedupKey: `k-${n}`,
      integrationId: 'int-1',
      sequences: [n],
      last: { alertId: `alert-${n}`, summary: `Problem ${n}`, severity: 'high' },
    },
    by: { kind: 'integration', integrationId: 'int-1' },
    at: '2027-01-01T10:01:00.000Z',
  };
}
