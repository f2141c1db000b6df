import {
  mayCreateOverride,
  mayRemoveOverride,
  participantsAt,
  technicianMayCreateOverride,
} from './override-permission';
import type { Shift } from './schedule.types';
import { aLayer } from './test-support/schedule-builders';

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
const utc = (instant: string) => new Date(instant).toISOString();
/** An override giving `userId` the window from–to (HH:mm UTC) of 3 May 2027. */
const overrideFor = (userId: string, from: string, to: string) => ({
  userId,
  start: utc(`2027-05-03T${from}Z`),
  end: utc(`2027-05-03T${to}Z`),
});

describe('technicianMayCreateOverride', () => {
  it.each([
    ['takes a window herself', 'alice', overrideFor('alice', '18:00', '20:00'), true],
    ['hands part of her own shift to a colleague', 'alice', overrideFor('carol', '10:00', '12:00'), true],
    ['hands over all of her shift', 'alice', overrideFor('bob', '09:00', '17:00'), true],
    ['moves a shift that is not hers', 'alice', overrideFor('carol', '18:00', '20:00'), false],
    ['hands over a window reaching past her shift', 'alice', overrideFor('carol', '16:00', '18:00'), false],
    ['is not in the schedule at all', 'dave', overrideFor('dave', '10:00', '12:00'), false],
  ])('refuses or allows a technician who %s', (_, technician, override, allowed) => {
    expect(technicianMayCreateOverride(technician, participants, shifts, override).allowed).toBe(allowed);
  });

  it('refuses handing over time the technician holds through an override (take, then give away)', () => {
    // Alice takes 18:00–20:00 of Bob's turn (allowed), then tries to give that window to Carol.
    const taken: Shift = { ...shift('alice', '2027-05-03T18:00Z', '2027-05-03T20:00Z'), source: { kind: 'override', overrideId: 'o' } };
    const after = [shifts[0], shift('bob', '2027-05-03T17:00Z', '2027-05-03T18:00Z'), taken, shift('bob', '2027-05-03T20:00Z', '2027-05-04T09:00Z')];
    const handOver = { userId: 'carol', start: utc('2027-05-03T18:00Z'), end: utc('2027-05-03T20:00Z') };
    expect(technicianMayCreateOverride('alice', participants, after, handOver)).toEqual({ allowed: false, reason: expect.stringContaining('own shift') });
    const mixed = { ...handOver, start: utc('2027-05-03T16:00Z') };
    expect(technicianMayCreateOverride('alice', participants, after, mixed).allowed).toBe(false);
  }); // prettier-ignore
});

describe('mayCreateOverride and mayRemoveOverride (fail closed on roles)', () => {
  const anywhere = { userId: 'carol', start: utc('2027-05-03T18:00Z'), end: utc('2027-05-03T20:00Z') };

  it.each([
    ['manager', true],
    ['technician', false],
    ['owner', false],
    ['admin', false],
    ['', false],
  ])('lets a %s give a window that is not theirs to anyone: %s', (role, allowed) => {
    expect(mayCreateOverride({ userId: 'alice', role }, participants, shifts, anywhere).allowed).toBe(
      allowed,
    );
  });

  it.each([
    ['manager', 'bob', true],
    ['technician', 'alice', true],
    ['technician', 'bob', false],
    ['owner', 'alice', false],
    ['auditor', 'alice', false],
  ])('lets a %s remove an override created by %s: %s', (role, createdBy, allowed) => {
    expect(mayRemoveOverride({ userId: 'alice', role }, { createdBy }).allowed).toBe(allowed);
  });

  it('refuses a technician removing an override that gives them time but that someone else created', () => {
    expect(mayRemoveOverride({ userId: 'alice', role: 'technician' }, { createdBy: 'manager' })).toEqual({
      allowed: false,
      reason: 'Technicians can only remove overrides they created.',
    });
  });
});

describe('participantsAt', () => {
  it('counts participants of layers that have not ended, each once', () => {
    const layers = [
      aLayer({ id: 'old', participants: ['dave'], end: '2027-05-01T00:00:00Z' }),
      aLayer({ id: 'now', participants: ['alice', 'bob'] }),
      aLayer({ id: 'soon', participants: ['bob', 'erin'], end: '2027-06-01T00:00:00Z' }),
    ];
    expect(participantsAt(layers, '2027-05-03T00:00:00Z')).toEqual(['alice', 'bob', 'erin']);
    expect(participantsAt(layers, '2027-06-01T00:00:00Z')).toEqual(['alice', 'bob']);
  });
});
