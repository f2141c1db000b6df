import { renderFinalSchedule } from './final-schedule';
import { freezePast } from './frozen-past';
import { aLayer, aSchedule, utc } from './test-support/schedule-builders';

describe('freezePast (rule 9)', () => {
  const window = { start: '2027-05-03T00:00Z', end: '2027-05-06T00:00Z' };
  const before = aSchedule('UTC', [aLayer({ participants: ['A', 'B'], handoffAnchor: '2027-05-03T00:00' })]);
  const after = aSchedule('UTC', [aLayer({ participants: ['C', 'B'], handoffAnchor: '2027-05-03T00:00' })]);

  it('given an edit at noon on day 2, then the past keeps the old users and the future takes the new ones', () => {
    const shifts = freezePast(
      renderFinalSchedule(before, window),
      renderFinalSchedule(after, window),
      '2027-05-04T12:00Z',
    );
    expect(shifts.map((shift) => [shift.start, shift.end, shift.userId])).toEqual([
      [utc('2027-05-03T00:00Z'), utc('2027-05-04T00:00Z'), 'A'],
      [utc('2027-05-04T00:00Z'), utc('2027-05-05T00:00Z'), 'B'],
      [utc('2027-05-05T00:00Z'), utc('2027-05-06T00:00Z'), 'C'],
    ]);
  });

  it('given an edit that changes nothing, then the shift across `now` stays whole', () => {
    const rendered = renderFinalSchedule(before, window);
    expect(freezePast(rendered, rendered, '2027-05-04T12:00Z')).toEqual(rendered);
  });
});
