import fc from 'fast-check';
import type { IsoDayOfWeek, Layer, Override, Restriction, Rotation, Schedule } from '../schedule.types';

export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
];

const QUARTER_HOUR = 15 * 60_000;
const QUARTERS_PER_DAY = 96;
const DST_CHANGE_DAYS = ['2027-03-14', '2027-03-28', '2027-04-04', '2027-10-03', '2027-10-31', '2027-11-07'];

/** Quarter-hour instants, half of them within two days of a 2027 DST change in one of the zones. */
export const epoch = fc.oneof(
  fc
    .integer({ min: 0, max: 365 * QUARTERS_PER_DAY })
    .map((q) => Date.parse('2027-01-01T00:00:00Z') + q * QUARTER_HOUR),
  fc
    .tuple(
      fc.constantFrom(...DST_CHANGE_DAYS),
      fc.integer({ min: -2 * QUARTERS_PER_DAY, max: 2 * QUARTERS_PER_DAY }),
    )
    .map(([day, q]) => Date.parse(`${day}T00:00:00Z`) + q * QUARTER_HOUR),
);

export const daysAround = (before: number, after: number) =>
  fc.integer({ min: -before * QUARTERS_PER_DAY, max: after * QUARTERS_PER_DAY }).map((q) => q * QUARTER_HOUR);
export const quarterHours = (min: number, max: number) => fc.integer({ min, max }).map((q) => q * 15);
const timeOfDay = quarterHours(0, 95).map((m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.record({
    kind: fc.constant('daily' as const),
    startTime: timeOfDay,
    durationMinutes: quarterHours(1, 96),
  }),
  fc.record({
    kind: fc.constant('weekly' as const),
    startDayOfWeek: fc.integer({ min: 1, max: 7 }).map((day) => day as IsoDayOfWeek),
    startTime: timeOfDay,
    durationMinutes: quarterHours(1, 7 * 96),
  }),
);

const rotation: fc.Arbitrary<Rotation> = fc.oneof(
  fc.record({ kind: fc.constant('daily' as const), days: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('weekly' as const), weeks: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('custom' as const), unit: fc.constant('hours' as const), length: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ kind: fc.constant('custom' as const), unit: fc.constant('days' as const), length: fc.integer({ min: 1, max: 3 }) }),
); // prettier-ignore

export const layerShape = fc.record({
  timeZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
  participants: fc.array(fc.constantFrom('A', 'B', 'C'), { maxLength: 3 }),
  rotation,
  anchor: daysAround(20, 20),
  start: daysAround(15, 3),
  length: fc.option(quarterHours(1, 20 * 96), { nil: null, freq: 1 }),
  restrictions: fc.array(restriction, { maxLength: 3 }),
});

export const overrideShape = fc.record({
  userId: fc.constantFrom('A', 'X', 'Y'),
  start: daysAround(3, 5),
  length: quarterHours(1, 3 * 96),
  // Few distinct creation times so that ties (settled by id) happen often.
  createdAt: fc.constantFrom(
    '2026-01-01T00:00:00.000Z',
    '2026-01-02T00:00:00.000Z',
    '2026-01-03T00:00:00.000Z',
  ),
});

export interface Scenario {
  readonly schedule: Schedule;
  readonly from: number;
  readonly to: number;
}

/** A random schedule and a window of up to ten days, all placed around one random epoch. */
export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    epoch,
    timeZone: fc.constantFrom(...ZONES),
    layers: fc.array(layerShape, { minLength: 1, maxLength: 4 }),
    overrides: fc.array(overrideShape, { maxLength: 3 }),
    windowStart: daysAround(3, 3),
    windowMinutes: quarterHours(1, 10 * 96),
  })
  .map(({ epoch: at, timeZone, layers, overrides, windowStart, windowMinutes }) => {
    const from = at + windowStart;
    return {
      schedule: {
        id: 'random',
        timeZone,
        layers: layers.map((shape, i) => toLayer(at, shape, `layer-${i}`)),
        overrides: overrides.map((shape, i) => toOverride(at, shape, i)),
      },
      from,
      to: from + windowMinutes * 60_000,
    };
  });

/** A random layer shape placed around the epoch `at`. */
export function toLayer(at: number, shape: ValueOf<typeof layerShape>, id: string): Layer {
  return {
    id,
    timeZone: shape.timeZone,
    participants: shape.participants,
    rotation: shape.rotation,
    handoffAnchor: new Date(at + shape.anchor).toISOString().slice(0, 16),
    start: iso(at + shape.start),
    end: shape.length === null ? null : iso(at + shape.start + shape.length * 60_000),
    restrictions: shape.restrictions,
  };
}

/** A random override shape placed around the epoch `at`. */
export function toOverride(at: number, shape: ValueOf<typeof overrideShape>, i: number): Override {
  return {
    id: `override-${i}`,
    userId: shape.userId,
    start: iso(at + shape.start),
    end: iso(at + shape.start + shape.length * 60_000),
    createdAt: shape.createdAt,
  };
}

export type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
