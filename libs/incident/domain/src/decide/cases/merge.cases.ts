import type { MergeSource } from '../../incident.commands';
import {
  type Case,
  type DecideMatrix,
  emits,
  inEachStatus,
  nothing,
  refused,
} from '../../testing/decide-matrix';
import type { Status } from '../../testing/incident.fixtures';
import {
  alert1,
  bob,
  command,
  event,
  GIVEN,
  ORG,
  OTHER_ORG,
  SOURCE,
  T,
  TARGET,
  OPEN_STATUSES,
} from '../../testing/incident.fixtures';

// INCIDENT is the target of AbsorbIncident and the source of MergeIncidentInto.
const alert7 = {
  alertId: 'alert-7',
  dedupKey: 'ping:srv-01',
  summary: 'SRV-01 not answering ping',
  severity: 'critical',
  receivedAt: T.acknowledged,
} as const;
const openSource: MergeSource = {
  incidentId: SOURCE,
  orgId: ORG,
  status: 'triggered',
  mergedInto: null,
  alerts: [alert7],
};

const absorb = (source: Partial<MergeSource> = {}) =>
  command('AbsorbIncident', { source: { ...openSource, ...source } }, bob);
const absorbed = event('IncidentMerged', { by: bob, at: T.now, sourceIncidentId: SOURCE, alerts: [alert7] });
const absorbCases = (status: Status): Case[] => [
  { name: "moves the source's alerts in", when: absorb(), then: emits(absorbed) },
  {
    name: 'alerts it already holds are not copied twice',
    when: absorb({ alerts: [alert1, alert7] }),
    then: emits(absorbed),
  },
  {
    name: 'a retried absorb changes nothing',
    given: [...GIVEN[status], absorbed],
    when: absorb(),
    then: nothing,
  },
  {
    name: 'a resolved source is refused',
    when: absorb({ status: 'resolved' }),
    then: refused('INCIDENT_RESOLVED'),
  },
  {
    name: 'a source resolved as merged into this incident is absorbed (repair)',
    when: absorb({ status: 'resolved', mergedInto: 'inc-1' }),
    then: emits(absorbed),
  },
  {
    name: "another organization's incident is not found",
    when: absorb({ orgId: OTHER_ORG }),
    then: refused('INCIDENT_NOT_FOUND'),
  },
  {
    name: 'a source with no stream is not found',
    when: absorb({ status: 'none' }),
    then: refused('INCIDENT_NOT_FOUND'),
  },
];

const mergeInto = (targetIncidentId = TARGET) => command('MergeIncidentInto', { targetIncidentId }, bob);
const mergedAway = event('IncidentResolved', { by: bob, at: T.now, reason: 'merged', mergedInto: TARGET });
const mergeIntoCases: Case[] = [
  { name: 'resolves it as merged', when: mergeInto(), then: emits(mergedAway) },
];

export const mergeCases: DecideMatrix = {
  AbsorbIncident: {
    none: [{ name: 'the target does not exist', when: absorb(), then: refused('INCIDENT_NOT_FOUND') }],
    ...inEachStatus(OPEN_STATUSES, absorbCases),
    resolved: [
      {
        name: 'an open incident cannot be merged into a resolved one',
        when: absorb(),
        then: refused('MERGE_INTO_RESOLVED'),
      },
      {
        name: 'a retry after the target was resolved changes nothing',
        given: [...GIVEN.triggered, absorbed, ...GIVEN.resolved.slice(1)],
        when: absorb(),
        then: nothing,
      },
    ],
  },
  MergeIncidentInto: {
    none: [{ name: 'the source does not exist', when: mergeInto(), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: mergeIntoCases,
    acknowledged: mergeIntoCases,
    snoozed: mergeIntoCases,
    resolved: [
      { name: 'a resolved incident cannot be merged', when: mergeInto(), then: refused('INCIDENT_RESOLVED') },
      {
        name: 'a retry after it was merged changes nothing',
        given: [...GIVEN.triggered, mergedAway],
        when: mergeInto(),
        then: nothing,
      },
    ],
  },
};
