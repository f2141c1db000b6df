import { progressChangeOf } from './incident-progress.store';

const AT = '2027-03-01T02:00:00.000Z';

describe('progressChangeOf: what each incident event means for paging', () => {
  it.each([
    ['IncidentTriggered', { status: 'triggered', acknowledgedAt: null }],
    ['IncidentAcknowledged', { status: 'acknowledged', acknowledgedAt: AT }],
    ['IncidentUnacknowledged', { status: 'triggered', acknowledgedAt: null }],
    ['IncidentReassigned', { status: 'triggered', acknowledgedAt: null }],
    ['IncidentEscalated', { status: 'triggered', acknowledgedAt: null }],
    ['IncidentResolved', { status: 'resolved', acknowledgedAt: null }],
  ])('%s → %j', (type, change) => {
    expect(progressChangeOf(type, AT)).toEqual(change);
  });

  it.each([
    'AlertAppended',
    'AlertRepeated',
    'NoteAdded',
    'IncidentSnoozed',
    'TicketLinked',
    'IncidentMerged',
  ])('%s changes nothing of paging', (type) => {
    expect(progressChangeOf(type, AT)).toBeNull();
  });
});
