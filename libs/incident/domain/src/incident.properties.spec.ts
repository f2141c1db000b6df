import { outcomeOf } from './testing/decide-matrix';
import fc from 'fast-check';
import type { IncidentCommand } from './incident.commands';
import type { IncidentState } from './incident.state';
import { INCIDENT_PRIORITIES, INCIDENT_SEVERITIES } from './incident.types';
import type { Actor, Severity } from './incident.types';
import { decide } from './decide';
import { evolve, foldIncident } from './evolve';
import {
  alice,
  autoResolver,
  bob,
  command,
  monitor,
  policy,
  T,
  triggered,
} from './testing/incident.fixtures';

// Properties over random command sequences: whatever arrives, in whatever order, by whoever.
const actors: Actor[] = [
  alice,
  bob,
  monitor,
  policy,
  autoResolver,
  { kind: 'system', reason: 'ack-timeout' },
];
const instant = fc
  .integer({ min: 0, max: 6 })
  .map((k) => new Date(Date.parse(T.triggered) + k * 1_800_000).toISOString());
const actor = fc.constantFrom(...actors);
const severity = fc.constantFrom<Severity>(...INCIDENT_SEVERITIES);
const alert = fc.record({
  alertId: fc.constantFrom('alert-1', 'alert-2', 'alert-3'),
  dedupKey: fc.constant('disk-full:srv-01'),
  summary: fc.constant('Disk full'),
  severity,
});
const level = fc.integer({ min: 1, max: 3 });
const users = fc.subarray(['alice', 'bob', 'carol'], { minLength: 1 });

const data = fc.oneof(
  fc.record({ type: fc.constant('TriggerIncident'), alert }).map(({ alert }) => ({
    type: 'TriggerIncident' as const,
    data: {
      serviceId: 's',
      escalationPolicyId: 'ep',
      title: 't',
      severity: alert.severity,
      urgency: 'high' as const,
      alert,
    },
  })),
  alert.map((alert) => ({ type: 'AppendAlert' as const, data: { alert } })),
  fc.constant({ type: 'AcknowledgeIncident' as const, data: {} }),
  instant.map((acknowledgedAt) => ({
    type: 'UnacknowledgeIncident' as const,
    data: { reason: 'ack-timeout' as const, acknowledgedAt },
  })),
  fc.constant({ type: 'UnacknowledgeIncident' as const, data: { reason: 'handed-back' as const } }),
  fc.constant({ type: 'ResolveIncident' as const, data: {} }),
  fc
    .oneof(
      level.map((l) => ({ kind: 'escalation-level' as const, level: l })),
      users.map((u) => ({ kind: 'users' as const, userIds: u })),
    )
    .map((to) => ({ type: 'ReassignIncident' as const, data: { to } })),
  level.map((from) => ({ type: 'EscalateIncident' as const, data: { fromLevel: from, toLevel: from + 1 } })),
  fc
    .constantFrom('n-1', 'n-2')
    .map((noteId) => ({ type: 'AddNote' as const, data: { noteId, text: 'note' } })),
  fc
    .constantFrom(null, ...INCIDENT_PRIORITIES)
    .map((priority) => ({ type: 'SetIncidentPriority' as const, data: { priority } })),
  severity.map((s) => ({ type: 'SetIncidentSeverity' as const, data: { severity: s } })),
  fc
    .constantFrom('t-1', 't-2')
    .map((ticketId) => ({ type: 'LinkTicket' as const, data: { provider: 'halo', ticketId } })),
  fc
    .constantFrom(60, 3600)
    .map((durationSeconds) => ({ type: 'SnoozeIncident' as const, data: { durationSeconds } })),
  fc.constant({ type: 'EndSnooze' as const, data: {} }),
  fc
    .record({
      incidentId: fc.constantFrom('inc-2', 'inc-3'),
      status: fc.constantFrom('none' as const, 'triggered' as const, 'resolved' as const),
      mergedInto: fc.constantFrom(null, 'inc-1'),
    })
    .map((source) => ({
      type: 'AbsorbIncident' as const,
      data: { source: { ...source, orgId: 'org-1', alerts: [] } },
    })),
  fc
    .constantFrom('inc-8', 'inc-9')
    .map((targetIncidentId) => ({ type: 'MergeIncidentInto' as const, data: { targetIncidentId } })),
);

const anyCommand: fc.Arbitrary<IncidentCommand> = fc
  .tuple(data, actor, instant)
  .map(([{ type, data }, by, at]) => command(type, data as never, by, at) as IncidentCommand);

function checkInvariants(state: IncidentState): void {
  if (state.status === 'none') return;
  if (state.status === 'triggered') {
    expect([state.acknowledgedBy, state.acknowledgedAt, state.snoozedUntil]).toEqual([null, null, null]);
  }
  if (state.snoozedUntil !== null) expect(state.status).toBe('acknowledged');
  expect(new Set(state.alerts.map((a) => a.alertId)).size).toBe(state.alerts.length);
  expect(state.notesCount).toBe(state.noteIds.length);
  if (state.assignment.kind === 'escalation-level') expect(state.assignment.level).toBeGreaterThanOrEqual(1);
}

describe('incident properties over random command sequences', () => {
  it('only domain refusals escape, invariants hold, and resolved is final', () => {
    fc.assert(
      fc.property(fc.array(anyCommand, { maxLength: 40 }), (commands) => {
        let state = foldIncident([triggered]);
        for (const when of commands) {
          const outcome = outcomeOf(() => decide(when, state));
          if ('error' in outcome) continue;
          const wasResolved = state.status === 'resolved';
          state = outcome.events.reduce(evolve, state);
          checkInvariants(state);
          if (wasResolved) expect(state.status).toBe('resolved');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a command delivered twice changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.array(anyCommand, { maxLength: 25 }), anyCommand, (history, when) => {
        let state = foldIncident([triggered]);
        for (const c of history) {
          const outcome = outcomeOf(() => decide(c, state));
          if ('events' in outcome) state = outcome.events.reduce(evolve, state);
        }
        const first = outcomeOf(() => decide(when, state));
        fc.pre('events' in first && first.events.length > 0);
        const after = 'events' in first ? first.events.reduce(evolve, state) : state;
        const again = outcomeOf(() => decide(when, after));
        // A person's second escalate from the same level is told it already happened (GoAlert).
        const staleEscalation = when.type === 'EscalateIncident' && when.by.kind !== 'system';
        expect(again).toEqual(staleEscalation ? { error: 'STALE_ESCALATION' } : { events: [] });
      }),
      { numRuns: 500 },
    );
  });
});
