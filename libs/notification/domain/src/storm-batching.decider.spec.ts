import fc from 'fast-check';
import { BATCHING_WINDOW_MS, decideBatching } from './storm-batching.decider';

const at = (seconds: number) => new Date(Date.UTC(2027, 2, 1, 2, 0, 0) + seconds * 1000).toISOString();

describe('decideBatching', () => {
  it.each([
    { case: 'nothing sent recently', sent: [], now: 10, then: { decision: 'send-now' } },
    { case: 'fewer sends than the limit in the last minute', sent: [1, 2], now: 10, then: { decision: 'send-now' } },
    { case: 'sends older than a minute only', sent: [0, 1, 2], now: 60, then: { decision: 'send-now' } },
    { case: 'the limit reached: hold until the oldest send leaves the window', sent: [1, 2, 3], now: 10, then: { decision: 'hold', digestAt: at(61) } },
    { case: 'the limit reached, sends given in any order', sent: [3, 1, 2], now: 10, then: { decision: 'hold', digestAt: at(61) } },
    { case: 'more sends than the limit: hold until enough have left', sent: [1, 2, 3, 4], now: 10, then: { decision: 'hold', digestAt: at(62) } },
    { case: 'a send exactly a minute ago no longer counts', sent: [0, 5, 6], now: 60, then: { decision: 'send-now' } },
    { case: 'a send recorded after now (another replica) is not counted yet', sent: [1, 2, 70], now: 10, then: { decision: 'send-now' } },
  ])('limit 3, given $case', ({ sent, now, then }) => {
    expect(decideBatching(sent.map(at), at(now), 3)).toEqual(then);
  }); // prettier-ignore

  it('joins a pending digest even when the window has room again', () => {
    expect(decideBatching([], at(70), 3, at(75))).toEqual({ decision: 'hold', digestAt: at(75) });
  });

  it('refuses a limit below 1', () => {
    expect(() => decideBatching([], at(0), 0)).toThrow(
      'limitPerMinute must be a whole number of at least 1, got 0',
    );
  });
});

describe('decideBatching in a storm (the service loop simulated)', () => {
  /** Pages arrive at the given offsets (ms); the loop sends, holds, and flushes digests when they fall due. */
  function simulate(arrivalsMs: number[], limit: number) {
    const sends: { atMs: number; pages: number[] }[] = [];
    let held: number[] = [];
    let digestAtMs: number | null = null;
    const flushDueDigest = (untilMs: number) => {
      if (digestAtMs !== null && digestAtMs <= untilMs) {
        sends.push({ atMs: digestAtMs, pages: held });
        held = [];
        digestAtMs = null;
      }
    };
    arrivalsMs.forEach((arrivalMs, page) => {
      flushDueDigest(arrivalMs);
      const recent = sends.map((send) => new Date(send.atMs).toISOString());
      const pending = digestAtMs === null ? null : new Date(digestAtMs).toISOString();
      const decision = decideBatching(recent, new Date(arrivalMs).toISOString(), limit, pending);
      if (decision.decision === 'send-now') sends.push({ atMs: arrivalMs, pages: [page] });
      else {
        held.push(page);
        digestAtMs = Date.parse(decision.digestAt);
        expect(digestAtMs).toBeGreaterThan(arrivalMs);
      }
    });
    flushDueDigest(Number.POSITIVE_INFINITY);
    return sends;
  }

  const storm = fc.record({
    limit: fc.integer({ min: 1, max: 10 }),
    arrivalsMs: fc
      .array(fc.integer({ min: 0, max: 180_000 }), { maxLength: 300 })
      .map((a) => a.sort((x, y) => x - y)),
  });

  it('never sends a person more than the limit in any minute, and every page goes out exactly once', () => {
    fc.assert(
      fc.property(storm, ({ limit, arrivalsMs }) => {
        const sends = simulate(arrivalsMs, limit);
        for (const send of sends) {
          const inWindow = sends.filter((other) => other.atMs > send.atMs - BATCHING_WINDOW_MS && other.atMs <= send.atMs);
          expect(inWindow.length).toBeLessThanOrEqual(limit);
        }
        const delivered = sends.flatMap((send) => send.pages).sort((a, b) => a - b);
        expect(delivered).toEqual(arrivalsMs.map((_, page) => page));
      }),
    );
  }); // prettier-ignore

  it('turns 200 pages in one minute into a bounded number of emails', () => {
    const arrivalsMs = Array.from({ length: 200 }, (_, i) => i * 300);
    const sends = simulate(arrivalsMs, 5);
    expect(sends.flatMap((send) => send.pages)).toHaveLength(200);
    expect(sends.length).toBeLessThanOrEqual(10);
  });
});
