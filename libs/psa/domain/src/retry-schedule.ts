/**
 * Ceilings of the delay after each failed attempt (the last repeats): a PSA that is down for a minute is
 * caught within seconds of coming back, one that is down for hours is asked every 15 minutes, forever:
 * a ticket request is never dropped (ADR 0163).
 */
export const PSA_RETRY_CEILINGS_MS: readonly number[] = [
  2_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
];

/**
 * The wait after failed attempt `attempt` (1 for the first): between half the ceiling and the ceiling, so
 * requests that failed together during an outage do not all come back at the same instant. `random` is
 * a draw in [0, 1).
 */
export function retryDelayMs(attempt: number, random: number): number {
  if (!(random >= 0 && random < 1)) throw new RangeError(`random must be in [0, 1), got ${random}`);
  const index = Math.min(Math.max(attempt, 1), PSA_RETRY_CEILINGS_MS.length) - 1;
  const ceiling = PSA_RETRY_CEILINGS_MS[index];
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
