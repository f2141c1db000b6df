import { lastScheduledScan } from './gap-scan-timing';

describe('daily coverage-gap scan timing', () => {
  it.each([
    [
      'after today’s hour: today',
      '2027-05-05T07:30:00Z',
      { day: '2027-05-05', at: '2027-05-05T06:00:00.000Z' },
    ],
    [
      'exactly at the hour: today',
      '2027-05-05T06:00:00Z',
      { day: '2027-05-05', at: '2027-05-05T06:00:00.000Z' },
    ],
    [
      'before today’s hour: yesterday (made up if missed)',
      '2027-05-05T05:59:00Z',
      { day: '2027-05-04', at: '2027-05-04T06:00:00.000Z' },
    ],
    [
      'across a month boundary',
      '2027-06-01T01:00:00Z',
      { day: '2027-05-31', at: '2027-05-31T06:00:00.000Z' },
    ],
  ])('%s', (_, now, expected) => {
    expect(lastScheduledScan(new Date(now), 6)).toEqual(expected);
  });
});
