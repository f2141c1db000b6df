import { renderFinalSchedule } from './final-schedule';
import { renderLayer } from './layer-render';
import { localDateTimeAt } from './local-time';
import type { Rotation } from './schedule.types';
import { aLayer, aSchedule, anOverride, utc } from './test-support/schedule-builders';
import { whoIsOnCall } from './who-is-on-call';

// Vectors from shared/specs/schedules.md; local anchors and handoff instants derived by hand from the zone rules.
const daily: Rotation = { kind: 'daily' };
const weekly: Rotation = { kind: 'weekly' };
const fourHours: Rotation = { kind: 'custom', unit: 'hours', length: 4 };

interface RotationVector {
  vector: string;
  zone: string;
  rotation: Rotation;
  users: string[];
  anchorUtc: string;
  anchorLocal: string;
  at: string;
  onCall: string;
  /** Handoffs are checked in [from, until); from defaults to the anchor. */
  from?: string;
  until: string;
  handoffs: string[];
}

const rotationVectors: RotationVector[] = [
  { vector: 'T1', zone: 'America/Chicago', rotation: daily, users: ['A', 'B'], anchorUtc: '2027-03-12T15:00Z',
    anchorLocal: '2027-03-12T09:00', at: '2027-03-14T14:30Z', onCall: 'A', until: '2027-03-15T00:00Z',
    handoffs: ['2027-03-12T15:00Z', '2027-03-13T15:00Z', '2027-03-14T14:00Z'] },
  { vector: 'T2', zone: 'America/Chicago', rotation: weekly, users: ['A', 'B'], anchorUtc: '2027-11-01T14:00Z',
    anchorLocal: '2027-11-01T09:00', at: '2027-11-08T14:30Z', onCall: 'A', until: '2027-11-09T00:00Z',
    handoffs: ['2027-11-01T14:00Z', '2027-11-08T15:00Z'] },
  { vector: 'T3', zone: 'Europe/Berlin', rotation: daily, users: ['A', 'B'], anchorUtc: '2027-03-26T01:30Z',
    anchorLocal: '2027-03-26T02:30', at: '2027-03-28T01:15Z', onCall: 'A', until: '2027-03-28T12:00Z',
    handoffs: ['2027-03-26T01:30Z', '2027-03-27T01:30Z', '2027-03-28T01:00Z'] },
  { vector: 'T4', zone: 'Europe/Berlin', rotation: daily, users: ['A', 'B'], anchorUtc: '2027-10-29T00:30Z',
    anchorLocal: '2027-10-29T02:30', at: '2027-10-31T01:00Z', onCall: 'A', until: '2027-11-01T12:00Z',
    handoffs: ['2027-10-29T00:30Z', '2027-10-30T00:30Z', '2027-10-31T00:30Z', '2027-11-01T01:30Z'] },
  { vector: 'T6', zone: 'America/Chicago', rotation: fourHours, users: ['A', 'B', 'C'], anchorUtc: '2027-11-07T03:00Z',
    anchorLocal: '2027-11-06T22:00', at: '2027-11-07T07:30Z', onCall: 'B', until: '2027-11-07T16:00Z',
    handoffs: ['2027-11-07T03:00Z', '2027-11-07T07:00Z', '2027-11-07T11:00Z', '2027-11-07T15:00Z'] },
  { vector: 'T7', zone: 'Australia/Sydney', rotation: weekly, users: ['A', 'B'], anchorUtc: '2027-04-02T06:00Z',
    anchorLocal: '2027-04-02T17:00', at: '2027-04-09T06:30Z', onCall: 'A', until: '2027-04-10T00:00Z',
    handoffs: ['2027-04-02T06:00Z', '2027-04-09T07:00Z'] },
  { vector: 'T7', zone: 'Australia/Sydney', rotation: weekly, users: ['A', 'B'], anchorUtc: '2027-04-02T06:00Z',
    anchorLocal: '2027-04-02T17:00', at: '2027-10-08T06:30Z', onCall: 'B', from: '2027-10-01T07:00Z',
    until: '2027-10-09T00:00Z', handoffs: ['2027-10-01T07:00Z', '2027-10-08T06:00Z'] },
  { vector: 'T8', zone: 'Australia/Lord_Howe', rotation: daily, users: ['A', 'B'], anchorUtc: '2027-04-01T14:45Z',
    anchorLocal: '2027-04-02T01:45', at: '2027-04-03T15:05Z', onCall: 'A', until: '2027-04-05T00:00Z',
    handoffs: ['2027-04-01T14:45Z', '2027-04-02T14:45Z', '2027-04-03T14:45Z', '2027-04-04T15:15Z'] },
  { vector: 'T9', zone: 'Australia/Lord_Howe', rotation: daily, users: ['A', 'B'], anchorUtc: '2027-09-30T15:45Z',
    anchorLocal: '2027-10-01T02:15', at: '2027-10-02T15:40Z', onCall: 'A', until: '2027-10-03T00:00Z',
    handoffs: ['2027-09-30T15:45Z', '2027-10-01T15:45Z', '2027-10-02T15:30Z'] },
]; // prettier-ignore

describe('spec vectors: rotations across DST (T1–T4, T6–T9)', () => {
  const layerOf = (v: RotationVector) =>
    aLayer({ participants: v.users, rotation: v.rotation, handoffAnchor: v.anchorLocal });

  it.each(rotationVectors)('$vector: the anchor $anchorUtc reads $anchorLocal in $zone', (v) => {
    expect(localDateTimeAt(v.anchorUtc, v.zone)).toBe(v.anchorLocal);
  });

  it.each(rotationVectors)(
    '$vector: given $zone anchored $anchorLocal, when asked at $at, then $onCall',
    (v) => {
      const schedule = aSchedule(v.zone, [layerOf(v)]);
      expect(whoIsOnCall(schedule, v.at)).toEqual({
        userId: v.onCall,
        source: { kind: 'layer', layerId: 'layer' },
      });
    },
  );

  it.each(rotationVectors)('$vector: given $zone anchored $anchorLocal, then hands off at $handoffs', (v) => {
    const shifts = renderLayer(layerOf(v), v.zone, { start: v.from ?? v.anchorUtc, end: v.until });
    expect(shifts.map((shift) => shift.start)).toEqual(v.handoffs.map(utc));
  });
});

describe('spec vector T5: a restriction window across DST in Europe/Berlin', () => {
  const schedule = aSchedule('Europe/Berlin', [
    aLayer({ restrictions: [{ kind: 'daily', startTime: '01:00', durationMinutes: 240 }] }),
  ]);

  it.each([
    { at: '2027-03-28T03:30Z', onCall: null },
    { at: '2027-10-31T03:30Z', onCall: 'A' },
  ])('given A restricted to 01:00 + 4 h, when asked at $at, then $onCall', ({ at, onCall }) => {
    expect(whoIsOnCall(schedule, at)?.userId ?? null).toBe(onCall);
  });

  it.each([
    { night: 'spring', window: ['2027-03-27T12:00Z', '2027-03-28T12:00Z'], covered: ['2027-03-28T00:00Z', '2027-03-28T03:00Z'] },
    { night: 'autumn', window: ['2027-10-30T12:00Z', '2027-10-31T12:00Z'], covered: ['2027-10-30T23:00Z', '2027-10-31T04:00Z'] },
  ])('then on the $night night the window is local 01:00–05:00, i.e. $covered', ({ window, covered }) => {
    const shifts = renderFinalSchedule(schedule, { start: window[0], end: window[1] });
    expect(shifts.map((shift) => [shift.start, shift.end])).toEqual([covered.map(utc)]);
  }); // prettier-ignore
});

describe('spec vector T10: layers, a weekend restriction and overlapping overrides', () => {
  const schedule = aSchedule(
    'UTC',
    [
      aLayer({ id: 'base', participants: ['A'] }),
      aLayer({ id: 'weekend', participants: ['B'], restrictions: [{ kind: 'weekly', startDayOfWeek: 6, startTime: '00:00', durationMinutes: 48 * 60 }] }),
    ],
    [
      anOverride({ id: 'c', userId: 'C', start: '2027-05-08T10:00Z', end: '2027-05-08T14:00Z', createdAt: '2027-05-01T00:00Z' }),
      anOverride({ id: 'd', userId: 'D', start: '2027-05-08T12:00Z', end: '2027-05-08T16:00Z', createdAt: '2027-05-02T00:00Z' }),
    ],
  ); // prettier-ignore

  it.each([
    { at: '2027-05-07T12:00Z', userId: 'A', source: { kind: 'layer', layerId: 'base' } },
    { at: '2027-05-08T09:00Z', userId: 'B', source: { kind: 'layer', layerId: 'weekend' } },
    { at: '2027-05-08T11:00Z', userId: 'C', source: { kind: 'override', overrideId: 'c' } },
    { at: '2027-05-08T13:00Z', userId: 'D', source: { kind: 'override', overrideId: 'd' } },
    { at: '2027-05-08T15:00Z', userId: 'D', source: { kind: 'override', overrideId: 'd' } },
    { at: '2027-05-08T17:00Z', userId: 'B', source: { kind: 'layer', layerId: 'weekend' } },
    { at: '2027-05-10T00:00Z', userId: 'A', source: { kind: 'layer', layerId: 'base' } },
  ])('when asked at $at, then $userId', ({ at, userId, source }) => {
    expect(whoIsOnCall(schedule, at)).toEqual({ userId, source });
  });
});

describe('spec vector T11: restricted time still uses up turns', () => {
  it('given a daily [A,B,C] rotation from Monday 09:00 restricted to weekdays 09:00 + 8 h, then B is on call a week later', () => {
    const weekdays = ([1, 2, 3, 4, 5] as const).map((startDayOfWeek) => ({
      kind: 'weekly' as const,
      startDayOfWeek,
      startTime: '09:00',
      durationMinutes: 480,
    }));
    const layer = aLayer({
      participants: ['A', 'B', 'C'],
      handoffAnchor: '2027-05-03T09:00',
      restrictions: weekdays,
    });
    expect(whoIsOnCall(aSchedule('UTC', [layer]), '2027-05-10T10:00Z')?.userId).toBe('B');
  });
});
