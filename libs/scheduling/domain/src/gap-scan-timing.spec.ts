import { lastScheduledScan } from './gap-scan-timing';

describe('daily coverage-gap scan timing', () => {
  // [case, now, the scan day and instant it falls to], for a scan at 06:00 UTC.
  it.each<[string, string, { day: string; at: string }]>([
    ['after today’s hour: today', '2027-05-05T07:30:00Z', scan('2027-05-05')],
    ['exactly at the hour: today', '2027-05-05T06:00:00Z', scan('2027-05-05')],
    ['before today’s hour: yesterday (made up if missed)', '2027-05-05T05:59:00Z', scan('2027-05-04')],
    ['across a month boundary', '2027-06-01T01:00:00Z', scan('2027-05-31')],
  ])('%s', (_, now, expected) => {
    expect(lastScheduledScan(new Date(now), 6)).toEqual(expected);
  });
});

function scan(day: string): { day: string; at: string } {
  return { day, at: `${day}T06:00:00.000Z` };
}
