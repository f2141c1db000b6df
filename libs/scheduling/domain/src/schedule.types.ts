/** ISO-8601 instant with an explicit offset, normally UTC: '2027-03-12T15:00:00.000Z'. */
export type Instant = string;

/** Accepted wherever the engine takes an instant as input. */
export type InstantInput = Instant | Date;

/** Wall-clock date-time without a zone, 'YYYY-MM-DDTHH:mm' (optionally ':ss'), read in a layer's zone. */
export type LocalDateTime = string;

/** Wall-clock time of day, 'HH:mm' (00:00–23:59). */
export type TimeOfDay = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * How long a turn lasts. Daily, weekly and custom-days turns hand off at local wall-clock time
 * (rule 2); custom-hours turns are absolute durations (rule 3).
 */
export type Rotation =
  | { readonly kind: 'daily'; readonly days?: number }
  | { readonly kind: 'weekly'; readonly weeks?: number }
  | { readonly kind: 'custom'; readonly unit: 'hours' | 'days'; readonly length: number };

/** A wall-clock window repeated every day or every week (rule 5). */
export type Restriction =
  | { readonly kind: 'daily'; readonly startTime: TimeOfDay; readonly durationMinutes: number }
  | {
      readonly kind: 'weekly';
      readonly startDayOfWeek: IsoDayOfWeek;
      readonly startTime: TimeOfDay;
      readonly durationMinutes: number;
    };

export interface Layer {
  readonly id: string;
  readonly name?: string;
  /** Zone for the anchor and the restrictions; defaults to the schedule's zone (rule 1). */
  readonly timeZone?: string;
  /** User ids in rotation order; may be empty (the layer then covers nothing). */
  readonly participants: readonly string[];
  readonly rotation: Rotation;
  /** Local date-time of handoff 0 in the layer's zone; may precede `start` (a virtual start). */
  readonly handoffAnchor: LocalDateTime;
  readonly start: Instant;
  /** Exclusive; null or absent = never ends. */
  readonly end?: Instant | null;
  /** Empty = 24/7. Several restrictions are unioned. */
  readonly restrictions: readonly Restriction[];
}

export interface Override {
  readonly id: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly userId: string;
  readonly createdAt: Instant;
}

export interface Schedule {
  readonly id: string;
  readonly timeZone: string;
  /** Index 0 = lowest precedence; the last layer wins over all others (rule 7). */
  readonly layers: readonly Layer[];
  readonly overrides: readonly Override[];
}

export type ShiftSource =
  | { readonly kind: 'layer'; readonly layerId: string }
  | { readonly kind: 'override'; readonly overrideId: string };

/** Half-open [start, end) in UTC. */
export interface Shift {
  readonly start: Instant;
  readonly end: Instant;
  readonly userId: string;
  readonly source: ShiftSource;
}

export interface LayerShift {
  readonly start: Instant;
  readonly end: Instant;
  readonly userId: string;
}

export interface TimeWindow {
  readonly start: InstantInput;
  readonly end: InstantInput;
}

export interface CoverageGap {
  readonly start: Instant;
  readonly end: Instant;
}

export interface OnCallAssignment {
  readonly userId: string;
  readonly source: ShiftSource;
}
