import { type DecideMatrix, emits, refused } from '../../testing/decide-matrix';
import { command, event, T } from '../../testing/incident.fixtures';

const escalation = { kind: 'system', reason: 'escalation-policy' } as const;
const paged = {
  activityId: 'esc-1',
  source: 'escalation' as const,
  kind: 'escalation-step-fired',
  summary: 'Paged Tess (step 1, on call in Technicians 24/7)',
  detail: { level: 1, cycle: 1, userIds: ['tess'] },
};
const record = (data = paged) => command('RecordActivity', data, escalation);
const recorded = event('ActivityRecorded', { by: escalation, at: T.now, ...paged });
const recordsIt = [{ name: 'records the fact on the timeline', when: record(), then: emits(recorded) }];

export const activityCases: DecideMatrix = {
  RecordActivity: {
    none: [{ name: 'refused', when: record(), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: [
      ...recordsIt,
      {
        name: 'an unknown source is refused',
        when: record({ ...paged, source: 'crystal-ball' as never }),
        then: refused('VALIDATION'),
      },
      {
        name: 'a blank summary is refused',
        when: record({ ...paged, summary: ' ' }),
        then: refused('VALIDATION'),
      },
    ],
    acknowledged: recordsIt,
    snoozed: recordsIt,
    resolved: [{ name: 'a late delivery report is still recorded', when: record(), then: emits(recorded) }],
  },
};
