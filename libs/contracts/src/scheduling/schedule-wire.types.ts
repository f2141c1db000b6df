/**
 * Schedule shapes scheduling's messages carry (ADR 0185): the wire's own copies of scheduling-domain's
 * types, so a change in the engine is a compile error where scheduling maps it, never a silent format change.
 */
type Instant = string;

export type Rotation =
  | { readonly kind: 'daily'; readonly days?: number }
  | { readonly kind: 'weekly'; readonly weeks?: number }
  | { readonly kind: 'custom'; readonly unit: 'hours' | 'days'; readonly length: number };

export type Restriction =
  | { readonly kind: 'daily'; readonly startTime: string; readonly durationMinutes: number }
  | {
      readonly kind: 'weekly';
      readonly startDayOfWeek: 1 | 2 | 3 | 4 | 5 | 6 | 7;
      readonly startTime: string;
      readonly durationMinutes: number;
    };

export interface Shift {
  readonly start: Instant;
  readonly end: Instant;
  readonly userId: string;
  readonly source:
    | { readonly kind: 'layer'; readonly layerId: string }
    | { readonly kind: 'override'; readonly overrideId: string };
}

export interface WireLayer {
  readonly id: string;
  readonly name?: string;
  readonly timeZone?: string;
  readonly participants: readonly string[];
  readonly rotation: Rotation;
  readonly handoffAnchor: string;
  readonly start: Instant;
  readonly end?: Instant | null;
  readonly restrictions: readonly Restriction[];
}

export interface WireOverride {
  readonly id: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly userId: string;
  readonly createdAt: Instant;
}

export interface ScheduleHistory {
  readonly id: string;
  readonly revisions: readonly {
    readonly revision: number;
    readonly effectiveFrom: Instant | null;
    readonly timeZone: string;
    readonly layers: readonly WireLayer[];
  }[];
  readonly overrides: readonly WireOverride[];
}
