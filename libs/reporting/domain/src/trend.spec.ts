import type { IncidentRecord } from './report.types';
import { incidentTrend } from './trend';

function opened(id: string, openedAt: string, ackAfter: number): IncidentRecord {
  return {
    incidentId: id,
    openedAt,
    acknowledgedAt: new Date(Date.parse(openedAt) + ackAfter * 1000).toISOString(),
    resolvedAt: null,
    merged: false,
    severity: 'high',
    serviceId: 'svc',
    sourceId: null,
    alertCount: 1,
    maxLevel: 1,
    unanswered: false,
  };
}

// Amsterdam moves from CET (+01:00) to CEST (+02:00) on Sunday 28 March 2027 at 01:00 UTC.
const AROUND_DST = [
  opened('a', '2027-03-27T22:59:00.000Z', 60), // Sat 27th 23:59 CET
  opened('b', '2027-03-27T23:00:00.000Z', 120), // Sun 28th 00:00 CET
  opened('c', '2027-03-28T21:59:00.000Z', 240), // Sun 28th 23:59 CEST: the 23-hour day
  opened('d', '2027-03-28T22:00:00.000Z', 30), // Mon 29th 00:00 CEST
];
// Sat 27th 00:00 CET to Tue 30th 00:00 CEST.
const WINDOW = { from: '2027-03-26T23:00:00.000Z', to: '2027-03-29T22:00:00.000Z' };

describe('incidentTrend', () => {
  it('buckets by local day in the zone, the DST day being 23 hours long', () => {
    expect(incidentTrend(AROUND_DST, { window: WINDOW }, 'day', 'Europe/Amsterdam')).toEqual([
      { start: '2027-03-27', incidents: 1, mttaMean: 60, mttrMean: null, unanswered: 0 },
      { start: '2027-03-28', incidents: 2, mttaMean: 180, mttrMean: null, unanswered: 0 },
      { start: '2027-03-29', incidents: 1, mttaMean: 30, mttrMean: null, unanswered: 0 },
    ]);
  });

  it('would bucket differently in UTC (the zone matters)', () => {
    const utc = incidentTrend(AROUND_DST, { window: WINDOW }, 'day', 'UTC');
    expect(utc.map((point) => [point.start, point.incidents])).toEqual([
      ['2027-03-26', 0],
      ['2027-03-27', 2],
      ['2027-03-28', 2],
      ['2027-03-29', 0],
    ]);
  });

  it('buckets by ISO week starting on the local Monday, empty weeks included', () => {
    const weeks = incidentTrend(
      AROUND_DST,
      { window: { from: '2027-03-14T23:00:00.000Z', to: '2027-04-11T22:00:00.000Z' } },
      'week',
      'Europe/Amsterdam',
    );
    expect(weeks.map((point) => [point.start, point.incidents])).toEqual([
      ['2027-03-15', 0],
      ['2027-03-22', 3],
      ['2027-03-29', 1],
      ['2027-04-05', 0],
    ]);
  });
});
