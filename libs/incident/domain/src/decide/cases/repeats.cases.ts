import { type DecideMatrix, emits, nothing, refused } from '../../testing/decide-matrix';
import { alert1, command, event, monitor, T, triggered } from '../../testing/incident.fixtures';

const last = { alertId: 'alert-9', summary: 'Disk C: 98% full on SRV-01', severity: 'critical' as const };

const repeats = (sequences: number[], dedupKey = alert1.dedupKey) =>
  command('RecordAlertRepeats', { dedupKey, sequences, last }, monitor);

const counted = (count: number, lastSequence: number) =>
  event('AlertRepeated', {
    by: monitor,
    at: T.now,
    dedupKey: alert1.dedupKey,
    count,
    lastAlertId: 'alert-9',
    lastSequence,
    summary: last.summary,
    severity: 'critical',
  });

// The triggering alert came in at sequence 10 (when the stream says so).
const triggeredAt10 = { ...triggered, data: { ...triggered.data, alert: { ...alert1, lastSequence: 10 } } };
const afterFirstBatch = [triggeredAt10, counted(3, 13)];

const openCases = [
  { name: 'counts the repeats in one event', when: repeats([11, 12, 13]), then: emits(counted(3, 13)) },
  {
    name: 'a redelivered batch counts nothing',
    given: afterFirstBatch,
    when: repeats([11, 12, 13]),
    then: nothing,
  },
  {
    name: 'a batch overlapping the last one counts only what is new',
    given: afterFirstBatch,
    when: repeats([12, 13, 14, 15]),
    then: emits(counted(2, 15)),
  },
  {
    name: 'a repeat at or before the triggering alert is a redelivery',
    given: [triggeredAt10],
    when: repeats([9, 10]),
    then: nothing,
  },
  {
    name: 'repeats of a key the incident does not hold are refused',
    when: repeats([20], 'another-key'),
    then: refused('VALIDATION'),
  },
  {
    name: 'sequences out of order are refused',
    when: repeats([12, 11]),
    then: refused('VALIDATION'),
  },
];

export const repeatCases: DecideMatrix = {
  RecordAlertRepeats: {
    none: [{ name: 'refused', when: repeats([1]), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: openCases,
    acknowledged: [
      {
        name: 'counts the repeats without paging anyone again',
        when: repeats([11, 12]),
        then: emits(counted(2, 12)),
      },
    ],
    snoozed: [{ name: 'counts the repeats', when: repeats([11]), then: emits(counted(1, 11)) }],
    resolved: [
      {
        name: 'new repeats are refused (they open a new incident)',
        when: repeats([30]),
        then: refused('INCIDENT_RESOLVED'),
      },
    ],
  },
};
