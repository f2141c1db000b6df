import type { Layer, Override, Restriction, Schedule } from '../schedule.types';

export const LONG_AGO = '2020-01-01T00:00:00Z';

/** Normalises a short instant such as '2027-03-14T14:30Z' to the engine's output form. */
export function utc(instant: string): string {
  return new Date(instant).toISOString();
}

/** A 24/7 daily layer with one participant unless told otherwise. */
export function aLayer(fields: Partial<Layer> = {}): Layer {
  return {
    id: 'layer',
    participants: ['A'],
    rotation: { kind: 'daily' },
    handoffAnchor: '2027-01-01T00:00',
    start: LONG_AGO,
    end: null,
    restrictions: [],
    ...fields,
  };
}

export function aSchedule(timeZone: string, layers: Layer[], overrides: Override[] = []): Schedule {
  return { id: 'schedule', timeZone, layers, overrides };
}

export function anOverride(
  fields: Pick<Override, 'id' | 'userId' | 'start' | 'end' | 'createdAt'>,
): Override {
  return fields;
}

/** Monday to Friday, each starting at `startTime` for `durationMinutes`, written out by hand. */
export function weekdaysFrom(startTime: string, durationMinutes: number): Restriction[] {
  return ([1, 2, 3, 4, 5] as const).map((startDayOfWeek) => ({
    kind: 'weekly',
    startDayOfWeek,
    startTime,
    durationMinutes,
  }));
}
