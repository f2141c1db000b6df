import { type DecideMatrix, emits, nothing, refused } from '../../testing/decide-matrix';
import {
  acknowledgedByAlice,
  ackTimer,
  alice,
  bob,
  command,
  event,
  monitor,
  snoozedOneHour,
  snoozeTimer,
  T,
  triggered,
} from '../../testing/incident.fixtures';

const acknowledge = (by = bob) => command('AcknowledgeIncident', {}, by);
const acknowledgedByBob = event('IncidentAcknowledged', { by: bob, at: T.now });

const ackTimeout = (acknowledgedAt: string = T.acknowledged) =>
  command('UnacknowledgeIncident', { reason: 'ack-timeout', acknowledgedAt }, ackTimer);
const handBack = command('UnacknowledgeIncident', { reason: 'handed-back' }, alice);
const handedBack = event('IncidentUnacknowledged', { by: alice, at: T.now, reason: 'handed-back' });

const snooze = (durationSeconds: number, at: string = T.now) =>
  command('SnoozeIncident', { durationSeconds }, alice, at);

const endSnooze = (at: string) => command('EndSnooze', {}, snoozeTimer, at);
const snoozeEnded = event('IncidentUnacknowledged', {
  by: snoozeTimer,
  at: T.snoozeEnds,
  reason: 'snooze-ended',
});
const endSnoozeIgnored = [
  { name: 'a timer with nothing snoozed changes nothing', when: endSnooze(T.snoozeEnds), then: nothing },
];

export const acknowledgementCases: DecideMatrix = {
  AcknowledgeIncident: {
    none: [{ name: 'refused', when: acknowledge(), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: [
      { name: 'acknowledges', when: acknowledge(), then: emits(acknowledgedByBob) },
      {
        name: 'from an email link: acknowledges, recording where from',
        when: command('AcknowledgeIncident', { via: 'email' }, bob),
        then: emits(event('IncidentAcknowledged', { by: bob, at: T.now, via: 'email' })),
      },
      {
        name: 'from an unknown channel: refused naming data.via',
        when: command('AcknowledgeIncident', { via: 'fax' as never }, bob),
        then: refused('VALIDATION'),
      },
    ],
    acknowledged: [
      { name: 'the same person again changes nothing', when: acknowledge(alice), then: nothing },
      { name: 'a second technician at the same time changes nothing', when: acknowledge(bob), then: nothing },
      {
        name: 'an email link used after someone acknowledged changes nothing',
        when: command('AcknowledgeIncident', { via: 'email' }, bob),
        then: nothing,
      },
    ],
    snoozed: [
      {
        name: 'the acknowledger again changes nothing (stays snoozed)',
        when: acknowledge(alice),
        then: nothing,
      },
      {
        name: 'another person takes it over and cancels the snooze',
        when: acknowledge(bob),
        then: emits(acknowledgedByBob),
      },
      {
        name: 'the integration acknowledging does not cancel the snooze',
        when: acknowledge(monitor),
        then: nothing,
      },
    ],
    resolved: [{ name: 'refused with a reason', when: acknowledge(), then: refused('INCIDENT_RESOLVED') }],
  },
  UnacknowledgeIncident: {
    none: [
      { name: 'ack timeout refused', when: ackTimeout(), then: refused('INCIDENT_NOT_FOUND') },
      { name: 'hand back refused', when: handBack, then: refused('INCIDENT_NOT_FOUND') },
    ],
    triggered: [
      { name: 'a late ack-timeout timer changes nothing', when: ackTimeout(), then: nothing },
      { name: 'handing back a triggered incident changes nothing', when: handBack, then: nothing },
    ],
    acknowledged: [
      {
        name: 'the ack timeout returns it to triggered',
        when: ackTimeout(),
        then: emits(event('IncidentUnacknowledged', { by: ackTimer, at: T.now, reason: 'ack-timeout' })),
      },
      {
        name: 'a timer for an earlier acknowledgement is stale',
        given: [
          triggered,
          event('IncidentAcknowledged', { by: bob, at: T.triggered }),
          event('IncidentUnacknowledged', { by: bob, at: T.triggered, reason: 'handed-back' }),
          acknowledgedByAlice,
        ],
        when: ackTimeout(T.triggered),
        then: nothing,
      },
      { name: 'handing back returns it to triggered', when: handBack, then: emits(handedBack) },
    ],
    snoozed: [
      { name: 'the ack timeout does not cut a snooze short', when: ackTimeout(), then: nothing },
      {
        name: 'handing back ends the snooze and returns it to triggered',
        when: handBack,
        then: emits(handedBack),
      },
    ],
    resolved: [
      { name: 'a late ack-timeout timer changes nothing', when: ackTimeout(), then: nothing },
      { name: 'handing back is refused', when: handBack, then: refused('INCIDENT_RESOLVED') },
    ],
  },
  SnoozeIncident: {
    none: [{ name: 'refused', when: snooze(3600), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: [
      { name: 'refused: acknowledge first', when: snooze(3600), then: refused('INVALID_TRANSITION') },
    ],
    acknowledged: [
      {
        name: 'snoozes until at + duration',
        when: snooze(3600),
        then: emits(
          event('IncidentSnoozed', {
            by: alice,
            at: T.now,
            durationSeconds: 3600,
            snoozedUntil: '2024-05-01T03:30:00.000Z',
          }),
        ),
      },
    ],
    snoozed: [
      {
        name: 'snoozing again moves the deadline',
        when: snooze(7200),
        then: emits(
          event('IncidentSnoozed', {
            by: alice,
            at: T.now,
            durationSeconds: 7200,
            snoozedUntil: '2024-05-01T04:30:00.000Z',
          }),
        ),
      },
      {
        name: 'a redelivered snooze (same deadline) changes nothing',
        when: snooze(3600, T.snoozed),
        then: nothing,
      },
    ],
    resolved: [{ name: 'refused', when: snooze(3600), then: refused('INCIDENT_RESOLVED') }],
  },
  EndSnooze: {
    none: [{ name: 'refused', when: endSnooze(T.snoozeEnds), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: endSnoozeIgnored,
    acknowledged: [
      ...endSnoozeIgnored,
      {
        name: 'the timer of a snooze cancelled by another acknowledge is stale',
        given: [triggered, acknowledgedByAlice, snoozedOneHour, acknowledgedByBob],
        when: endSnooze(T.snoozeEnds),
        then: nothing,
      },
    ],
    snoozed: [
      {
        name: 'at the deadline it returns to triggered and pages again',
        when: endSnooze(T.snoozeEnds),
        then: emits(snoozeEnded),
      },
      { name: 'before the deadline it changes nothing', when: endSnooze(T.now), then: nothing },
      {
        name: 'the timer of a snooze that was moved later is stale',
        given: [
          triggered,
          acknowledgedByAlice,
          snoozedOneHour,
          event('IncidentSnoozed', {
            by: alice,
            at: T.now,
            durationSeconds: 7200,
            snoozedUntil: '2024-05-01T04:30:00.000Z',
          }),
        ],
        when: endSnooze(T.snoozeEnds),
        then: nothing,
      },
    ],
    resolved: endSnoozeIgnored,
  },
};
