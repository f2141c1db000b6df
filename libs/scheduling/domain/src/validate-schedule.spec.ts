import type { Layer, Schedule } from './schedule.types';
import { aLayer, aSchedule, anOverride } from './test-support/schedule-builders';
import { validateSchedule } from './validate-schedule';

const withLayer = (fields: Record<string, unknown>): Schedule =>
  aSchedule('Europe/Berlin', [aLayer(fields as Partial<Layer>)]);
const problemsOf = (schedule: Schedule) =>
  validateSchedule(schedule).map(({ path, message }) => `${path}: ${message}`);

describe('validateSchedule', () => {
  it('given a well-formed schedule, then there are no problems', () => {
    const schedule = aSchedule('Europe/Berlin', [aLayer({ restrictions: [{ kind: 'weekly', startDayOfWeek: 7, startTime: '23:30', durationMinutes: 90 }] })]);
    expect(validateSchedule(schedule)).toEqual([]);
  }); // prettier-ignore

  it.each([
    { case: 'an unknown schedule zone', schedule: aSchedule('Europe/Atlantis', []),
      problem: 'timeZone: unknown time zone "Europe/Atlantis"' },
    { case: 'an unknown layer zone', schedule: withLayer({ timeZone: 'Moon/Base' }),
      problem: 'layers[0].timeZone: unknown time zone "Moon/Base"' },
    { case: 'a bad restriction time', schedule: withLayer({ restrictions: [{ kind: 'daily', startTime: '9:00', durationMinutes: 60 }] }),
      problem: `layers[0].restrictions[0].startTime: must be 'HH:mm', got "9:00"` },
    { case: 'a restriction of 25 hours', schedule: withLayer({ restrictions: [{ kind: 'daily', startTime: '09:00', durationMinutes: 1500 }] }),
      problem: 'layers[0].restrictions[0].durationMinutes: must be a whole number from 1 to 1440, got 1500' },
    { case: 'weekday 0', schedule: withLayer({ restrictions: [{ kind: 'weekly', startDayOfWeek: 0, startTime: '09:00', durationMinutes: 60 }] }),
      problem: 'layers[0].restrictions[0].startDayOfWeek: must be 1 (Monday) to 7 (Sunday), got 0' },
    { case: 'a zero-day rotation', schedule: withLayer({ rotation: { kind: 'daily', days: 0 } }),
      problem: 'layers[0].rotation.days: must be a whole number of at least 1, got 0' },
    { case: 'a fractional custom length', schedule: withLayer({ rotation: { kind: 'custom', unit: 'hours', length: 1.5 } }),
      problem: 'layers[0].rotation.length: must be a whole number of at least 1, got 1.5' },
    { case: 'an unknown rotation unit', schedule: withLayer({ rotation: { kind: 'custom', unit: 'weeks', length: 1 } }),
      problem: `layers[0].rotation.unit: must be 'hours' or 'days', got "weeks"` },
    { case: 'a bad anchor', schedule: withLayer({ handoffAnchor: '2027-03-12T09:00Z' }),
      problem: `layers[0].handoffAnchor: must be a local date-time 'YYYY-MM-DDTHH:mm', got "2027-03-12T09:00Z"` },
    { case: 'an instant without offset', schedule: withLayer({ start: '2027-03-12T09:00' }),
      problem: 'layers[0].start: must be an ISO-8601 instant, got "2027-03-12T09:00"' },
    { case: 'a layer ending before it starts', schedule: withLayer({ start: '2027-03-12T09:00Z', end: '2027-03-01T09:00Z' }),
      problem: 'layers[0].end: must be after start (2027-03-12T09:00Z), got 2027-03-01T09:00Z' },
    { case: 'an empty participant id', schedule: withLayer({ participants: ['A', ''] }),
      problem: 'layers[0].participants[1]: must be a non-empty user id' },
    { case: 'an override ending before it starts',
      schedule: aSchedule('UTC', [], [anOverride({ id: 'o', userId: 'A', start: '2027-03-02T00:00Z', end: '2027-03-01T00:00Z', createdAt: '2027-01-01T00:00Z' })]),
      problem: 'overrides[0].end: must be after start (2027-03-02T00:00Z), got 2027-03-01T00:00Z' },
    { case: 'duplicate layer ids', schedule: aSchedule('UTC', [aLayer({ id: 'x' }), aLayer({ id: 'x' })]),
      problem: 'layers[1].id: duplicates id "x"' },
  ])('given $case, then it reports: $problem', ({ schedule, problem }) => {
    expect(problemsOf(schedule)).toEqual([problem]);
  }); // prettier-ignore
});
