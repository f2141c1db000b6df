import { ExecuteIncidentCommand, MessageContext } from '@oncall/contracts';
import {
  AppendOptions,
  ConcurrencyError,
  EventStore,
  NewEvent,
  StoredEvent,
} from '@oncall/platform-event-store';
import pino from 'pino';
import { IncidentCommandExecutor } from './incident-command-executor';

const context: MessageContext = { orgId: 'org-1', correlationId: 'corr-1', causationId: null };
const incidentId = '0b6d4c1e-7a9f-4a57-8d3c-2f1e9a6b5c40';
const at = '2027-01-01T10:00:00.000Z';

/** A store in memory with a hook that runs just before an append checks its expected version. */
class InMemoryStore implements EventStore {
  readonly streams = new Map<string, StoredEvent[]>();
  lostAppends = 0;
  beforeAppend: (() => Promise<void>) | undefined;

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions) {
    const hook = this.beforeAppend;
    this.beforeAppend = undefined;
    await hook?.();
    const stream = this.streams.get(streamId) ?? [];
    if (options.expectedVersion !== 'any' && options.expectedVersion !== stream.length) {
      this.lostAppends++;
      throw new ConcurrencyError(streamId, options.expectedVersion);
    }
    const stored = events.map((event, index) => ({
      ...event,
      streamId,
      version: stream.length + index + 1,
      position: { transactionId: '1', sequence: String(stream.length + index + 1) },
      metadata: options.metadata,
      recordedAt: at,
    }));
    this.streams.set(streamId, [...stream, ...stored]);
    return { nextExpectedVersion: stream.length + stored.length, events: stored };
  }

  async readStream(streamId: string) {
    return this.streams.get(streamId) ?? [];
  }

  async readAll() {
    return [...this.streams.values()].flat();
  }
}

const command = (type: string, data: object, by: object): ExecuteIncidentCommand =>
  ({ command: { type, data: { incidentId, orgId: 'org-1', ...data }, by, at } }) as ExecuteIncidentCommand;

const trigger = command(
  'TriggerIncident',
  {
    serviceId: 'svc-1',
    escalationPolicyId: null,
    title: 'Exchange down at Acme',
    severity: 'high',
    urgency: 'high',
    alert: { alertId: incidentId, dedupKey: 'exchange', summary: 'Exchange down at Acme', severity: 'high' },
  },
  { kind: 'integration', integrationId: 'int-1' },
);
const acknowledgeBy = (userId: string) => command('AcknowledgeIncident', {}, { kind: 'user', userId });

describe('Two acknowledgements racing on one incident (the race forced on an in-memory event store)', () => {
  it('the loser re-reads, decides again on the winner’s state, appends nothing and answers the acknowledged incident', async () => {
    const store = new InMemoryStore();
    const silent = pino({ level: 'silent' });
    const alice = IncidentCommandExecutor.withoutSnapshots(store, silent);
    const bob = IncidentCommandExecutor.withoutSnapshots(store, silent);
    await alice.execute(trigger, context);

    // Bob's acknowledgement lands between Alice's decision and her append.
    store.beforeAppend = async () => {
      await bob.execute(acknowledgeBy('bob'), context);
    };
    const aliceResult = await alice.execute(acknowledgeBy('alice'), context);

    expect(store.lostAppends).toBe(1); // Alice's first append lost the race
    const types = [...store.streams.values()].flat().map((event) => event.type);
    expect(types).toEqual(['IncidentTriggered', 'IncidentAcknowledged']);
    const acknowledged = [...store.streams.values()]
      .flat()
      .find((event) => event.type === 'IncidentAcknowledged');
    expect(acknowledged?.data).toMatchObject({ by: { kind: 'user', userId: 'bob' } });
    expect(aliceResult.appended).toEqual([]);
    expect(aliceResult.incident).toMatchObject({ status: 'acknowledged', version: 2 });
  });
});
