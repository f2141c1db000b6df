/**
 * How many alerts at the front of a run of ONE key were applied already: the key applies its alerts in
 * stream order, so exactly those at or below its applied sequence (ADR 0156).
 */
export function replayedCount(alerts: readonly { sequence: number }[], appliedThrough: number): number {
  let count = 0;
  while (count < alerts.length && alerts[count].sequence <= appliedThrough) count++;
  return count;
}
