import { isInstant, toEpochMs } from './instant';

describe('isInstant (strict instants: explicit offset, a real calendar moment)', () => {
  it.each([
    '2027-05-03T09:00Z',
    '2027-05-03T09:00:00Z',
    '2027-05-03T09:00:00.123Z',
    '2027-05-03T09:00:00+02:00',
    '2027-05-03T09:00:00-09:30',
    '2028-02-29T00:00:00Z',
    '2027-12-31T23:59:59.999Z',
  ])('accepts %s', (value) => {
    expect(isInstant(value)).toBe(true);
  });

  it.each([
    ['no offset (would be read in the host zone)', '2027-05-03T09:00:00'],
    ['a date only', '2027-05-03'],
    ['30 February', '2027-02-30T00:00:00Z'],
    ['29 February of a common year', '2027-02-29T00:00:00Z'],
    ['31 April', '2027-04-31T00:00Z'],
    ['24:00', '2027-05-03T24:00:00Z'],
    ['minute 60', '2027-05-03T23:60Z'],
    ['second 60', '2027-05-03T23:59:60Z'],
    ['month 13', '2027-13-01T00:00Z'],
    ['day 0', '2027-05-00T00:00Z'],
    ['an offset of 24 hours', '2027-05-03T09:00+24:00'],
    ['an offset minute of 75', '2027-05-03T09:00+05:75'],
    ['words', 'yesterday'],
    ['a number', 1_800_000_000_000],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(isInstant(value)).toBe(false);
  });

  it('refuses impossible dates where the engine takes instants', () => {
    expect(() => toEpochMs('2027-02-30T00:00:00Z')).toThrow(RangeError);
    expect(toEpochMs('2027-05-03T11:00:00+02:00')).toBe(Date.parse('2027-05-03T09:00:00Z'));
  });
});
