import { technicianMayCreateOverride } from './override-permission';
import type { Shift } from './schedule.types';

const shift = (userId: string, start: string, end: string): Shift => ({
  userId,
  start: new Date(start).toISOString(),
  end: new Date(end).toISOString(),
  source: { kind: 'layer', layerId: 'l' },
});
// Alice 09:00–17:00, Bob 17:00–09:00 next day.
const shifts = [
  shift('alice', '2027-05-03T09:00Z', '2027-05-03T17:00Z'),
  shift('bob', '2027-05-03T17:00Z', '2027-05-04T09:00Z'),
];
const participants = ['alice', 'bob'];

describe('technicianMayCreateOverride', () => {
  it.each([
    [
      'takes a window herself',
      'alice',
      { userId: 'alice', start: '2027-05-03T18:00Z', end: '2027-05-03T20:00Z' },
      true,
    ],
    [
      'hands part of her own shift to a colleague',
      'alice',
      { userId: 'carol', start: '2027-05-03T10:00Z', end: '2027-05-03T12:00Z' },
      true,
    ],
    [
      'hands over all of her shift',
      'alice',
      { userId: 'bob', start: '2027-05-03T09:00Z', end: '2027-05-03T17:00Z' },
      true,
    ],
    [
      'moves a shift that is not hers',
      'alice',
      { userId: 'carol', start: '2027-05-03T18:00Z', end: '2027-05-03T20:00Z' },
      false,
    ],
    [
      'hands over a window reaching past her shift',
      'alice',
      { userId: 'carol', start: '2027-05-03T16:00Z', end: '2027-05-03T18:00Z' },
      false,
    ],
    [
      'is not in the schedule at all',
      'dave',
      { userId: 'dave', start: '2027-05-03T10:00Z', end: '2027-05-03T12:00Z' },
      false,
    ],
  ])('refuses or allows a technician who %s', (_, technician, window, allowed) => {
    const override = {
      ...window,
      start: new Date(window.start).toISOString(),
      end: new Date(window.end).toISOString(),
    };
    expect(technicianMayCreateOverride(technician, participants, shifts, override).allowed).toBe(allowed);
  });
});
