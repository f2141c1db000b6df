import { toEpochMs } from './instant';
import type { CoverageGap, Instant, InstantInput } from './schedule.types';

/** A coverage gap as a scan stored it; `announcedAt` is null until it was published. */
export interface StoredGap extends CoverageGap {
  readonly announcedAt: Instant | null;
}

export interface GapReconciliation {
  /** Stored gaps found again unchanged. */
  readonly keep: StoredGap[];
  /** Stored gaps found again with other bounds: `previousStart` names the row, `gap` is what it becomes. */
  readonly update: { previousStart: Instant; gap: StoredGap }[];
  /** Gaps to add: unannounced when genuinely new, announced already when split off an announced gap. */
  readonly insert: StoredGap[];
  /** Starts of stored gaps no longer found (covered since, over, or absorbed into another gap). */
  readonly delete: Instant[];
}

/**
 * Matches a scan's gaps (`found`, within [now, window end)) with the stored ones, so that a gap is
 * announced once however often it is scanned. A found gap overlapping a stored gap is that gap: it takes
 * the found bounds, except that a gap under way at `now` keeps its earlier stored start (it started
 * then; the scan only cut it at `now`), and it keeps being announced. Each stored gap is the row of at most one
 * found gap; any other stored gaps a found gap overlaps are absorbed into it.
 */
export function reconcileGaps(
  stored: readonly StoredGap[],
  found: readonly CoverageGap[],
  now: InstantInput,
): GapReconciliation {
  const at = toEpochMs(now);
  const rows = [...stored].sort((a, b) => toEpochMs(a.start) - toEpochMs(b.start));
  const matched = new Set<StoredGap>();
  const result: GapReconciliation = { keep: [], update: [], insert: [], delete: [] };
  for (const gap of found) {
    const overlapping = rows.filter((row) => overlaps(row, gap));
    const announcedAt = earliestAnnouncement(overlapping);
    const row = overlapping.find((candidate) => !matched.has(candidate));
    if (!row) {
      result.insert.push({ start: gap.start, end: gap.end, announcedAt });
      continue;
    }
    matched.add(row);
    const continues = toEpochMs(gap.start) <= at && toEpochMs(row.start) < toEpochMs(gap.start);
    const next: StoredGap = { start: continues ? row.start : gap.start, end: gap.end, announcedAt };
    if (sameGap(row, next)) result.keep.push(row);
    else result.update.push({ previousStart: row.start, gap: next });
  }
  for (const row of rows) if (!matched.has(row)) result.delete.push(row.start);
  return result;
}

function overlaps(a: CoverageGap, b: CoverageGap): boolean {
  return toEpochMs(a.start) < toEpochMs(b.end) && toEpochMs(b.start) < toEpochMs(a.end);
}

function earliestAnnouncement(rows: readonly StoredGap[]): Instant | null {
  const announced = rows.flatMap((row) => (row.announcedAt ? [row.announcedAt] : []));
  return announced.sort((a, b) => toEpochMs(a) - toEpochMs(b))[0] ?? null;
}

function sameGap(a: StoredGap, b: StoredGap): boolean {
  return (
    toEpochMs(a.start) === toEpochMs(b.start) &&
    toEpochMs(a.end) === toEpochMs(b.end) &&
    a.announcedAt === b.announcedAt
  );
}
