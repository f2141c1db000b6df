import { burdenOf } from './burden';
import { burdenSpread } from './burden-spread';
import type { PageRecord } from './report.types';

const WINDOW = { from: '2027-03-10T00:00:00.000Z', to: '2027-03-31T00:00:00.000Z' };
const PEOPLE = [
  { userId: 'nina', timeZone: 'America/New_York' }, // EST → EDT on Sunday 14 March 2027
  { userId: 'arjen', timeZone: 'Europe/Amsterdam' }, // CET → CEST on Sunday 28 March 2027
  { userId: 'bob', timeZone: 'UTC' },
];

let pageNumber = 0;
const page = (userId: string, at: string): PageRecord => ({
  pageId: `p${++pageNumber}`,
  incidentId: `i${pageNumber}`,
  userId,
  at,
});

const PAGES = [
  page('nina', '2027-03-13T03:30:00.000Z'), // Fri 22:30 EST: sleep, outside business hours
  page('nina', '2027-03-15T02:30:00.000Z'), // Sun 22:30 EDT (21:30 if DST were ignored): sleep
  page('nina', '2027-03-15T11:30:00.000Z'), // Mon 07:30 EDT (06:30 if ignored): awake, before business
  page('nina', '2027-03-15T13:00:00.000Z'), // Mon 09:00 EDT (08:00 if ignored): business hours
  page('nina', '2027-03-16T20:59:00.000Z'), // Tue 16:59 EDT: business hours
  page('nina', '2027-03-16T21:00:00.000Z'), // Tue 17:00 EDT: after business hours, awake
  page('nina', '2027-03-09T23:59:59.000Z'), // before the window
  page('arjen', '2027-03-27T21:30:00.000Z'), // Sat 22:30 CET: sleep
  page('arjen', '2027-03-28T05:30:00.000Z'), // Sun 07:30 CEST (06:30 if ignored): awake, weekend
  page('arjen', '2027-03-29T07:00:00.000Z'), // Mon 09:00 CEST: business hours
];

const SHIFTS = [
  { userId: 'nina', start: '2027-03-13T00:00:00.000Z', end: '2027-03-14T00:00:00.000Z' },
  // Also on call in a second schedule meanwhile: the same hours count once.
  { userId: 'nina', start: '2027-03-13T12:00:00.000Z', end: '2027-03-13T18:00:00.000Z' },
  // Runs past the window: 12 hours of it count.
  { userId: 'nina', start: '2027-03-30T12:00:00.000Z', end: '2027-04-02T00:00:00.000Z' },
  // Sunday 28th from local midnight to local midnight: 23 hours.
  { userId: 'arjen', start: '2027-03-27T23:00:00.000Z', end: '2027-03-28T22:00:00.000Z' },
  { userId: 'bob', start: '2027-03-20T00:00:00.000Z', end: '2027-03-21T00:00:00.000Z' },
];

const ACKS = [
  { incidentId: 'i1', userId: 'nina', at: '2027-03-13T03:35:00.000Z' },
  { incidentId: 'i3', userId: 'nina', at: '2027-03-15T11:35:00.000Z' },
  { incidentId: 'i3', userId: 'nina', at: '2027-03-15T11:50:00.000Z' }, // again after a hand-back
  { incidentId: 'i99', userId: 'nina', at: '2027-03-31T01:00:00.000Z' }, // after the window
  { incidentId: 'i9', userId: 'arjen', at: '2027-03-28T05:40:00.000Z' },
];

describe('burdenOf, in each technician’s own zone across DST changes', () => {
  const burden = burdenOf({
    window: WINDOW,
    people: PEOPLE,
    shifts: SHIFTS,
    pages: PAGES,
    acknowledgements: ACKS,
  });

  it('gives hours on call, pages, pages outside business hours and during sleep, incidents acknowledged', () => {
    expect(burden).toEqual([
      {
        userId: 'nina',
        timeZone: 'America/New_York',
        hoursOnCall: 36,
        pages: 6,
        pagesOutsideBusinessHours: 4,
        pagesDuringSleepHours: 2,
        incidentsAcknowledged: 2,
      },
      {
        userId: 'arjen',
        timeZone: 'Europe/Amsterdam',
        hoursOnCall: 23,
        pages: 3,
        pagesOutsideBusinessHours: 2,
        pagesDuringSleepHours: 1,
        incidentsAcknowledged: 1,
      },
      {
        userId: 'bob',
        timeZone: 'UTC',
        hoursOnCall: 24,
        pages: 0,
        pagesOutsideBusinessHours: 0,
        pagesDuringSleepHours: 0,
        incidentsAcknowledged: 0,
      },
    ]);
  });

  it('shows how the burden spreads, and who carries too much', () => {
    expect(burdenSpread(burden)).toEqual({
      people: 3,
      meanHoursOnCall: 83 / 3,
      meanPages: 3,
      pageShare: { nina: 6 / 9, arjen: 3 / 9, bob: 0 },
      hourShare: { nina: 36 / 83, arjen: 23 / 83, bob: 24 / 83 },
      carryingTooMuch: ['nina'],
    });
  });
});
