import { formatInTimeZone } from 'date-fns-tz';
import fc from 'fast-check';
import { localDateTimeAt, resolveLocalDateTime } from './local-time';
import { addMinutesToLocal } from './test-support/naive-oracle';
import { utc } from './test-support/schedule-builders';

// Hand-derived from the 2027 rules: Berlin 01:00Z both ways; New York 07:00Z / 06:00Z;
// Lord Howe moves 30 minutes, ending at 2027-04-03T15:00Z and starting at 2027-10-02T15:30Z.
describe('resolveLocalDateTime (rule 6)', () => {
  // Per zone: [local reading, what kind of reading it is, the instant it resolves to].
  const readings: Record<string, [local: string, kind: string, expected: string][]> = {
    'Europe/Berlin': [
      ['2027-01-15T12:00', 'ordinary', '2027-01-15T11:00Z'],
      ['2027-03-28T01:59', 'just before the gap', '2027-03-28T00:59Z'],
      ['2027-03-28T02:00', 'skipped', '2027-03-28T01:00Z'],
      ['2027-03-28T02:30', 'skipped', '2027-03-28T01:00Z'],
      ['2027-03-28T02:59', 'skipped', '2027-03-28T01:00Z'],
      ['2027-03-28T03:00', 'first after the gap', '2027-03-28T01:00Z'],
      ['2027-10-31T01:59', 'just before the repeat', '2027-10-30T23:59Z'],
      ['2027-10-31T02:00', 'repeated', '2027-10-31T00:00Z'],
      ['2027-10-31T02:30', 'repeated', '2027-10-31T00:30Z'],
      ['2027-10-31T02:59', 'repeated', '2027-10-31T00:59Z'],
      ['2027-10-31T03:00', 'first after the repeat', '2027-10-31T02:00Z'],
    ],
    'America/New_York': [
      ['2027-03-14T01:59', 'just before the gap', '2027-03-14T06:59Z'],
      ['2027-03-14T02:30', 'skipped', '2027-03-14T07:00Z'],
      ['2027-03-14T03:00', 'first after the gap', '2027-03-14T07:00Z'],
      ['2027-11-07T00:59', 'just before the repeat', '2027-11-07T04:59Z'],
      ['2027-11-07T01:30', 'repeated', '2027-11-07T05:30Z'],
      ['2027-11-07T02:00', 'first after the repeat', '2027-11-07T07:00Z'],
    ],
    'Australia/Lord_Howe': [
      ['2027-04-04T01:29', 'just before the repeat', '2027-04-03T14:29Z'],
      ['2027-04-04T01:30', 'repeated', '2027-04-03T14:30Z'],
      ['2027-04-04T01:45', 'repeated', '2027-04-03T14:45Z'],
      ['2027-04-04T02:00', 'first after the repeat', '2027-04-03T15:30Z'],
      ['2027-10-03T01:59', 'just before the gap', '2027-10-02T15:29Z'],
      ['2027-10-03T02:00', 'skipped', '2027-10-02T15:30Z'],
      ['2027-10-03T02:15', 'skipped', '2027-10-02T15:30Z'],
      ['2027-10-03T02:30', 'first after the gap', '2027-10-02T15:30Z'],
    ],
    'Asia/Kolkata': [['2027-06-01T09:00', 'ordinary', '2027-06-01T03:30Z']],
    UTC: [['2027-06-01T09:00', 'ordinary', '2027-06-01T09:00Z']],
  };
  const cases = Object.entries(readings).flatMap(([zone, rows]) =>
    rows.map(([local, kind, expected]) => ({ zone, local, kind, expected })),
  );

  it.each(cases)('given $local in $zone ($kind), then it is $expected', ({ zone, local, expected }) => {
    expect(resolveLocalDateTime(local, zone).toISOString()).toBe(utc(expected));
  });

  it.each(['2027-02-30T09:00', '2027-03-01 09:00', '2027-03-01T24:00', '2027-03-01T09:00Z', ''])(
    'given the malformed reading "%s", then it throws',
    (local) => {
      expect(() => resolveLocalDateTime(local, 'Europe/Berlin')).toThrow(RangeError);
    },
  );

  it('given an unknown zone, then it throws', () => {
    expect(() => resolveLocalDateTime('2027-03-01T09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  // Rule 6 restated without offsets: the earliest instant at which the zone's clock reads `local` or later.
  // scanFromHours: a point safely before the answer (UTC minus the zone's largest offset, minus an hour).
  const transitionsNearby = [
    { zone: 'Europe/Berlin', local: '2027-03-28T02:00', scanFromHours: -3 },
    { zone: 'Europe/Berlin', local: '2027-10-31T02:00', scanFromHours: -3 },
    { zone: 'America/New_York', local: '2027-03-14T02:00', scanFromHours: 3 },
    { zone: 'America/New_York', local: '2027-11-07T01:00', scanFromHours: 3 },
    { zone: 'Australia/Lord_Howe', local: '2027-04-04T01:30', scanFromHours: -12 },
    { zone: 'Australia/Lord_Howe', local: '2027-10-03T02:00', scanFromHours: -12 },
  ];

  it('agrees with a minute-by-minute scan of the wall clock near every transition', () => {
    const near = fc.record({
      transition: fc.constantFrom(...transitionsNearby),
      minutes: fc.integer({ min: -90, max: 90 }),
    });
    fc.assert(
      fc.property(near, ({ transition, minutes }) => {
        const local = addMinutesToLocal(transition.local, minutes);
        const scanned = firstInstantReading(local, transition.zone, transition.scanFromHours);
        expect(resolveLocalDateTime(local, transition.zone).getTime()).toBe(scanned);
      }),
      { numRuns: 60 },
    );
  });
});

describe('localDateTimeAt', () => {
  it.each([
    { instant: '2027-03-12T15:00Z', zone: 'America/Chicago', expected: '2027-03-12T09:00' },
    { instant: '2027-10-31T00:30Z', zone: 'Europe/Berlin', expected: '2027-10-31T02:30' },
    { instant: '2027-10-31T01:30Z', zone: 'Europe/Berlin', expected: '2027-10-31T02:30' },
    { instant: '2027-09-30T15:45Z', zone: 'Australia/Lord_Howe', expected: '2027-10-01T02:15' },
    { instant: '2027-06-01T03:30:15Z', zone: 'Asia/Kolkata', expected: '2027-06-01T09:00:15' },
  ])('given $instant, then $zone reads $expected', ({ instant, zone, expected }) => {
    expect(localDateTimeAt(instant, zone)).toBe(expected);
  });
});

function firstInstantReading(local: string, timeZone: string, scanFromHours: number): number {
  const readingAt = (t: number) => formatInTimeZone(new Date(t), timeZone, "yyyy-MM-dd'T'HH:mm");
  const scanFrom = Date.parse(`${local}Z`) + scanFromHours * 3_600_000;
  if (readingAt(scanFrom) >= local) throw new Error(`scan for ${local} starts too late`);
  for (let t = scanFrom; ; t += 60_000) {
    if (readingAt(t) >= local) return t;
  }
}
