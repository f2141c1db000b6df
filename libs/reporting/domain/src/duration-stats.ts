import type { DurationStats } from './report.types';

/**
 * Mean, median and 90th percentile of durations (seconds). Percentiles interpolate between the two
 * nearest ranks at position p·(n−1), as PostgreSQL's percentile_cont does, so the SQL read side and this
 * definition give the same figures. Figures are rounded to the millisecond (instants carry no more).
 */
export function durationStats(durations: readonly number[]): DurationStats {
  if (durations.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = [...durations].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    mean: toMillisecond(sum / sorted.length),
    median: toMillisecond(percentile(sorted, 0.5)),
    p90: toMillisecond(percentile(sorted, 0.9)),
  };
}

/** Continuous percentile of an ascending, non-empty list. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function secondsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 1000;
}

export function toMillisecond(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
