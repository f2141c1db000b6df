import { type DecideMatrix, emits, nothing, refused } from '../../testing/decide-matrix';
import {
  alert1,
  alert2,
  autoResolver,
  bob,
  command,
  event,
  monitor,
  resolvedByAlice,
  T,
  triggered,
} from '../../testing/incident.fixtures';

const { receivedAt: _r1, ...alert1Input } = alert1;
const { receivedAt: _r2, ...alert2Input } = alert2;

const trigger = (alert = alert1Input) =>
  command(
    'TriggerIncident',
    {
      serviceId: 'svc-1',
      escalationPolicyId: 'ep-1',
      title: 'Disk almost full on SRV-01',
      severity: 'high',
      urgency: 'high',
      alert,
    },
    monitor,
    T.triggered,
  );

const redelivered = {
  name: 'redelivered trigger (same alert) changes nothing',
  when: trigger(),
  then: nothing,
};
const otherAlert = {
  name: 'a trigger with another alert for the same id is refused',
  when: trigger(alert2Input),
  then: refused('INCIDENT_ALREADY_EXISTS'),
};

const append = (alert = alert2Input) => command('AppendAlert', { alert }, monitor);
const appended = event('AlertAppended', { by: monitor, at: T.now, alert: alert2 });
const appendCases = [
  { name: 'a new alert is appended', when: append(), then: emits(appended) },
  { name: 'an alert already on the incident changes nothing', when: append(alert1Input), then: nothing },
];

const resolvedAs = (reason: 'manual' | 'source' | 'auto', by = bob) =>
  event('IncidentResolved', { by, at: T.now, reason, mergedInto: null });

export const lifecycleCases: DecideMatrix = {
  TriggerIncident: {
    none: [
      {
        name: 'opens the incident at level 1 with its first alert',
        when: trigger(),
        // The written-out `triggered` fixture every other case starts from: trigger() carries its data.
        then: emits(triggered),
      },
    ],
    triggered: [redelivered, otherAlert],
    acknowledged: [redelivered, otherAlert],
    snoozed: [redelivered, otherAlert],
    resolved: [redelivered, otherAlert],
  },
  AppendAlert: {
    none: [{ name: 'refused', when: append(), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: appendCases,
    acknowledged: appendCases,
    snoozed: appendCases,
    resolved: [
      {
        name: 'a new alert is refused (it opens a new incident)',
        when: append(),
        then: refused('INCIDENT_RESOLVED'),
      },
      { name: 'a redelivered alert already on it changes nothing', when: append(alert1Input), then: nothing },
      {
        name: 'a redelivered append that landed before resolution changes nothing',
        given: [
          triggered,
          event('AlertAppended', { by: monitor, at: T.acknowledged, alert: alert2 }),
          resolvedByAlice,
        ],
        when: append(),
        then: nothing,
      },
    ],
  },
  ResolveIncident: {
    none: [{ name: 'refused', when: command('ResolveIncident', {}), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: [
      {
        name: 'by a person: manual',
        when: command('ResolveIncident', {}, bob),
        then: emits(resolvedAs('manual')),
      },
      {
        name: 'by the source: source',
        when: command('ResolveIncident', {}, monitor),
        then: emits(resolvedAs('source', monitor)),
      },
      {
        name: 'by a person from an email link: manual, recording where from',
        when: command('ResolveIncident', { via: 'email' }, bob),
        then: emits(
          event('IncidentResolved', { by: bob, at: T.now, reason: 'manual', mergedInto: null, via: 'email' }),
        ),
      },
      {
        name: 'from an unknown channel: refused naming data.via',
        when: command('ResolveIncident', { via: 'pager' as never }, bob),
        then: refused('VALIDATION'),
      },
    ],
    acknowledged: [
      {
        name: 'by the auto-resolve rule: auto',
        when: command('ResolveIncident', {}, autoResolver),
        then: emits(resolvedAs('auto', autoResolver)),
      },
    ],
    snoozed: [
      {
        name: 'by a person (ends the snooze)',
        when: command('ResolveIncident', {}, bob),
        then: emits(resolvedAs('manual')),
      },
    ],
    resolved: [
      {
        name: 'the source resolving again changes nothing',
        when: command('ResolveIncident', {}, monitor),
        then: nothing,
      },
      {
        name: 'a second person resolving changes nothing',
        when: command('ResolveIncident', {}, bob),
        then: nothing,
      },
      {
        name: 'a used-again email link changes nothing',
        when: command('ResolveIncident', { via: 'email' }, bob),
        then: nothing,
      },
    ],
  },
};
