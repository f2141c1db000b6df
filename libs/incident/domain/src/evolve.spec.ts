import type { IncidentEvent, IncidentEventType } from './incident.events';
import { INCIDENT_EVENT_TYPES } from './incident.events';
import type { ExistingIncident, IncidentState } from './incident.state';
import { evolve, foldIncident } from './evolve';
import {
  acknowledgedByAlice,
  alert1,
  alert2,
  alice,
  bob,
  event,
  GIVEN,
  monitor,
  resolvedByAlice,
  T,
  STATE_AFTER_TRIGGER,
  triggered,
} from './testing/incident.fixtures';

const psa = { kind: 'system', reason: 'psa-sync' } as const;
const alert7 = { ...alert2, alertId: 'alert-7', dedupKey: 'ping:srv-01' };
const ticket = { provider: 'connectwise', ticketId: '4711', url: null };

const snoozed = foldIncident(GIVEN.snoozed);
const pagesAgain = {
  status: 'triggered',
  acknowledgedBy: null,
  acknowledgedAt: null,
  snoozedUntil: null,
} as const;

// What each event changes, applied to a snoozed incident (so clearing the snooze is visible).
const effects: Record<IncidentEventType, [IncidentEvent, Partial<ExistingIncident>]> = {
  IncidentTriggered: [triggered, STATE_AFTER_TRIGGER],
  AlertAppended: [
    event('AlertAppended', { by: monitor, at: T.now, alert: alert2 }),
    { alerts: [alert1, alert2], appendedAlertCount: 1 },
  ],
  AlertRepeated: [
    event('AlertRepeated', {
      by: monitor,
      at: T.now,
      dedupKey: alert1.dedupKey,
      count: 3,
      lastAlertId: 'alert-5',
      lastSequence: 41,
      summary: 'Disk C: 97% full on SRV-01',
      severity: 'critical',
    }),
    {
      alerts: [
        {
          ...alert1,
          summary: 'Disk C: 97% full on SRV-01',
          severity: 'critical',
          repeatCount: 3,
          lastSeenAt: T.now,
          lastAlertId: 'alert-5',
          lastSequence: 41,
        },
      ],
    },
  ],
  IncidentAcknowledged: [
    event('IncidentAcknowledged', { by: bob, at: T.now }),
    { status: 'acknowledged', acknowledgedBy: bob, acknowledgedAt: T.now, snoozedUntil: null },
  ],
  IncidentUnacknowledged: [
    event('IncidentUnacknowledged', { by: alice, at: T.now, reason: 'handed-back' }),
    pagesAgain,
  ],
  IncidentResolved: [
    event('IncidentResolved', { by: bob, at: T.now, reason: 'merged', mergedInto: 'inc-9' }),
    {
      status: 'resolved',
      snoozedUntil: null,
      acknowledgedBy: alice,
      resolvedBy: bob,
      resolvedAt: T.now,
      resolutionReason: 'merged',
      mergedInto: 'inc-9',
    },
  ],
  IncidentReassigned: [
    event('IncidentReassigned', {
      by: bob,
      at: T.now,
      from: { kind: 'escalation-level', level: 1 },
      to: { kind: 'escalation-level', level: 3 },
    }),
    { ...pagesAgain, assignment: { kind: 'escalation-level', level: 3 } },
  ],
  IncidentEscalated: [
    event('IncidentEscalated', { by: bob, at: T.now, escalationPolicyId: 'ep-1', fromLevel: 1, toLevel: 2 }),
    { ...pagesAgain, assignment: { kind: 'escalation-level', level: 2 } },
  ],
  NoteAdded: [
    event('NoteAdded', { by: bob, at: T.now, noteId: 'n-1', text: 'hi' }),
    { noteIds: ['n-1'], notesCount: 1 },
  ],
  IncidentPriorityChanged: [
    event('IncidentPriorityChanged', { by: bob, at: T.now, from: null, to: 'P1' }),
    { priority: 'P1' },
  ],
  IncidentSeverityChanged: [
    event('IncidentSeverityChanged', { by: bob, at: T.now, from: 'high', to: 'info' }),
    { severity: 'info', status: 'acknowledged', snoozedUntil: T.snoozeEnds },
  ],
  TicketLinked: [event('TicketLinked', { by: psa, at: T.now, ticket }), { ticket }],
  IncidentSnoozed: [
    event('IncidentSnoozed', {
      by: alice,
      at: T.now,
      durationSeconds: 60,
      snoozedUntil: '2024-05-01T02:31:00.000Z',
    }),
    { status: 'acknowledged', snoozedUntil: '2024-05-01T02:31:00.000Z' },
  ],
  ActivityRecorded: [
    event('ActivityRecorded', {
      by: { kind: 'system', reason: 'escalation-policy' },
      at: T.now,
      activityId: 'esc-evt-9',
      source: 'escalation',
      kind: 'escalation-unanswered',
      summary: 'Nobody acknowledged after 2 cycles; managers paged.',
      detail: { cycles: 2 },
    }),
    { unansweredAt: T.now },
  ],
  IncidentMerged: [
    event('IncidentMerged', { by: bob, at: T.now, sourceIncidentId: 'inc-2', alerts: [alert7] }),
    { alerts: [alert1, alert7], mergedIncidentIds: ['inc-2'] },
  ],
};

describe('evolve: what each event changes', () => {
  it.each(INCIDENT_EVENT_TYPES)('%s', (type) => {
    const [applied, expected] = effects[type];
    expect(applied.type).toBe(type);
    expect(evolve(snoozed, applied)).toEqual({ ...snoozed, ...expected });
  });

  it('never mutates the state it is given', () => {
    const frozen = deepFreeze(foldIncident(GIVEN.snoozed));
    const events = INCIDENT_EVENT_TYPES.filter((t) => t !== 'IncidentTriggered').map((t) => effects[t][0]);
    expect(() => events.forEach((e) => evolve(frozen, e))).not.toThrow();
    expect(frozen).toEqual(snoozed);
  });
});

describe('evolve: the level follows the step escalation paged last', () => {
  const paged = (detail: Record<string, unknown>) =>
    event('ActivityRecorded', {
      by: { kind: 'system', reason: 'escalation-policy' },
      at: T.now,
      activityId: `esc-${JSON.stringify(detail)}`,
      source: 'escalation',
      kind: 'step-fired',
      summary: 'Paged Taylor Tech (step 3, user)',
      detail,
    });
  const levelOf = (state: IncidentState) => state.status !== 'none' && state.assignment;

  it.each<[string, IncidentEvent[], unknown]>([
    ['step 3 paged', [triggered, paged({ level: 3, cycle: 1 })], { kind: 'escalation-level', level: 3 }],
    ['back to step 1 (a restart)', [triggered, paged({ level: 3 }), paged({ level: 1 })], { kind: 'escalation-level', level: 1 }],
    ['assigned users paged (no level)', [triggered, paged({ level: 2 }), paged({ level: null })], { kind: 'escalation-level', level: 2 }],
    ['a level that is no level', [triggered, paged({ level: 'two' }), paged({ level: 0 })], { kind: 'escalation-level', level: 1 }],
    [
      'assigned to users: a late page of the policy changes nothing',
      [triggered, event('IncidentReassigned', { by: bob, at: T.now, from: { kind: 'escalation-level', level: 1 }, to: { kind: 'users', userIds: ['u-9'] } }), paged({ level: 2 })],
      { kind: 'users', userIds: ['u-9'] },
    ],
  ])('%s', (_, events, assignment) => {
    expect(levelOf(foldIncident(events))).toEqual(assignment);
  });
}); // prettier-ignore

describe('evolve: alerts are kept one entry per alert key', () => {
  const repeatOf1 = { ...alert1, alertId: 'alert-3', summary: 'Disk C: 96% full', receivedAt: T.now };

  it('folds an appended alert of a key it holds as a repeat (streams written before repeats were counted)', () => {
    const state = foldIncident([
      triggered,
      event('AlertAppended', { by: monitor, at: T.now, alert: repeatOf1 }),
    ]);
    expect(state.status !== 'none' && state.alerts).toEqual([
      { ...alert1, summary: 'Disk C: 96% full', repeatCount: 1, lastSeenAt: T.now, lastAlertId: 'alert-3' },
    ]);
  });

  it('combines the counts of a merged incident holding the same key', () => {
    const source = {
      ...alert1,
      alertId: 'alert-8',
      repeatCount: 4,
      lastSeenAt: T.now,
      lastAlertId: 'alert-12',
    };
    const state = foldIncident([
      triggered,
      event('IncidentMerged', { by: bob, at: T.now, sourceIncidentId: 'inc-2', alerts: [source] }),
    ]);
    expect(
      state.status !== 'none' && state.alerts.map((alert) => [alert.dedupKey, alert.repeatCount]),
    ).toEqual([[alert1.dedupKey, 5]]);
  });

  it('tells keys of different integrations apart', () => {
    const own = { ...alert1, integrationId: 'rmm-1' };
    const other = { ...alert1, alertId: 'alert-4', integrationId: 'rmm-2' };
    const state = foldIncident([
      { ...triggered, data: { ...triggered.data, alert: own } },
      event('AlertAppended', { by: monitor, at: T.now, alert: other }),
    ]);
    expect(state.status !== 'none' && state.alerts).toEqual([own, other]);
  });
});

describe('evolve: streams it cannot read', () => {
  it('refuses a schema version it does not know, pointing at upcasting', () => {
    const future = { ...acknowledgedByAlice, schemaVersion: 2 } as unknown as IncidentEvent;
    expect(() => foldIncident([triggered, future])).toThrow(/IncidentAcknowledged v2 .* upcast/);
  });

  it('refuses an unknown event type', () => {
    const unknown = {
      type: 'IncidentReopened',
      schemaVersion: 1,
      data: resolvedByAlice.data,
    } as unknown as IncidentEvent;
    expect(() => foldIncident([triggered, unknown])).toThrow(/IncidentReopened/);
  });

  it('refuses an event before IncidentTriggered', () => {
    expect(() => foldIncident([acknowledgedByAlice])).toThrow(
      /IncidentAcknowledged found before IncidentTriggered/,
    );
  });
});

function deepFreeze<T extends IncidentState>(state: T): T {
  const freeze = (value: unknown): void => {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      Object.values(value).forEach(freeze);
    }
  };
  freeze(state);
  return state;
}
