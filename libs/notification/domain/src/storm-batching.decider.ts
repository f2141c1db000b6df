import type { Instant } from './notification.types';

/** The window the per-person limit counts sends in. */
export const BATCHING_WINDOW_MS = 60_000;

export type BatchingDecision =
  | { readonly decision: 'send-now' }
  /** Keep the page for the digest sent to this person at `digestAt` (one digest timer per person). */
  | { readonly decision: 'hold'; readonly digestAt: Instant };

/**
 * Whether a page to a person goes out now or waits for their digest. `recentSendsToPerson` are the
 * instants of every message already sent to them (pages and digests). Past `limitPerMinute` sends in the
 * last minute, pages are held until a slot frees, and that flush sends all of them as one digest, which
 * takes the slot: so a person never gets more than `limitPerMinute` messages in any minute, and no page
 * is dropped. While a digest is pending every new page joins it, so pages are not sent out of turn.
 */
export function decideBatching(
  recentSendsToPerson: readonly Instant[],
  now: Instant,
  limitPerMinute: number,
  pendingDigestAt: Instant | null = null,
): BatchingDecision {
  if (!Number.isInteger(limitPerMinute) || limitPerMinute < 1) {
    throw new RangeError(`limitPerMinute must be a whole number of at least 1, got ${limitPerMinute}`);
  }
  if (pendingDigestAt !== null) return { decision: 'hold', digestAt: pendingDigestAt };
  const nowMs = Date.parse(now);
  const inWindow = recentSendsToPerson
    .map((sentAt) => Date.parse(sentAt))
    .filter((sentAtMs) => sentAtMs > nowMs - BATCHING_WINDOW_MS && sentAtMs <= nowMs)
    .sort((a, b) => a - b);
  if (inWindow.length < limitPerMinute) return { decision: 'send-now' };
  // A slot frees when enough of the oldest sends have left the window to bring the count below the limit.
  const leavingSend = inWindow[inWindow.length - limitPerMinute];
  return { decision: 'hold', digestAt: new Date(leavingSend + BATCHING_WINDOW_MS).toISOString() };
}
