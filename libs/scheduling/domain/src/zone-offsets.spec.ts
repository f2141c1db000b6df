import { isKnownTimeZone, offsetAt, transitionWithin } from './zone-offsets';

const HOUR = 3_600_000;
const at = (instant: string) => Date.parse(instant);

describe('zone offsets', () => {
  it.each([
    { zone: 'Europe/Berlin', instant: '2027-03-28T00:59:59Z', offsetHours: 1 },
    { zone: 'Europe/Berlin', instant: '2027-03-28T01:00:00Z', offsetHours: 2 },
    { zone: 'Europe/Berlin', instant: '2027-10-31T00:59:59Z', offsetHours: 2 },
    { zone: 'Europe/Berlin', instant: '2027-10-31T01:00:00Z', offsetHours: 1 },
    { zone: 'Australia/Lord_Howe', instant: '2027-04-03T14:59:59Z', offsetHours: 11 },
    { zone: 'Australia/Lord_Howe', instant: '2027-04-03T15:00:00Z', offsetHours: 10.5 },
    { zone: 'America/New_York', instant: '2027-11-07T05:59:59Z', offsetHours: -4 },
    { zone: 'America/New_York', instant: '2027-11-07T06:00:00Z', offsetHours: -5 },
    { zone: 'Asia/Kolkata', instant: '2027-06-01T00:00:00Z', offsetHours: 5.5 },
  ])('given $zone at $instant, then the offset is $offsetHours h', ({ zone, instant, offsetHours }) => {
    expect(offsetAt(zone, at(instant))).toBe(offsetHours * HOUR);
  });

  it('given a span holding a transition, then its exact instant is found; otherwise none', () => {
    expect(transitionWithin('Australia/Lord_Howe', at('2027-10-02T15:00Z'), at('2027-10-02T16:00Z'))).toBe(at('2027-10-02T15:30Z'));
    expect(transitionWithin('Australia/Lord_Howe', at('2027-10-02T15:30Z'), at('2027-10-02T16:00Z'))).toBeUndefined();
    expect(transitionWithin('UTC', at('2027-01-01T00:00Z'), at('2027-01-03T00:00Z'))).toBeUndefined();
  }); // prettier-ignore

  it.each([
    { zone: 'Europe/Berlin', known: true },
    { zone: 'UTC', known: true },
    { zone: 'Europe/Atlantis', known: false },
    { zone: '', known: false },
  ])('given "$zone", then isKnownTimeZone is $known', ({ zone, known }) => {
    expect(isKnownTimeZone(zone)).toBe(known);
  });
});
