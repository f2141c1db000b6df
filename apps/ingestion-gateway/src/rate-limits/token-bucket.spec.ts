import fc from 'fast-check';
import { takeToken, TokenBucket, TokenBucketPolicy } from './token-bucket';

const policy: TokenBucketPolicy = { ratePerSecond: 10, burst: 3 };

/** Runs requests at the given times; what each got. */
function run(times: number[], given = policy): { taken: boolean; retryAfterMs?: number }[] {
  let bucket: TokenBucket | undefined;
  return times.map((at) => {
    const outcome = takeToken(bucket, given, at);
    bucket = outcome.bucket;
    return outcome.taken ? { taken: true } : { taken: false, retryAfterMs: outcome.retryAfterMs };
  });
}

describe('token bucket', () => {
  it.each<[string, number[], boolean[]]>([
    ['lets a burst through at once, then refuses', [0, 0, 0, 0], [true, true, true, false]],
    [
      'refills at the sustained rate (one per 100 ms at 10/s)',
      [0, 0, 0, 0, 100],
      [true, true, true, false, true],
    ],
    [
      'does not refill above the burst after a long pause',
      [0, 10_000, 10_000, 10_000, 10_000],
      [true, true, true, true, false],
    ],
    [
      'counts a refused request as nothing taken',
      [0, 0, 0, 0, 0, 100],
      [true, true, true, false, false, true],
    ],
  ])('%s', (_, times, expected) => {
    expect(run(times).map((outcome) => outcome.taken)).toEqual(expected);
  });

  it('says when the next token comes', () => {
    expect(run([0, 0, 0, 0, 50]).map((outcome) => outcome.retryAfterMs)).toEqual([
      undefined,
      undefined,
      undefined,
      100,
      50,
    ]);
  });

  const arrivals = fc
    .array(fc.integer({ min: 0, max: 400 }), { maxLength: 200 })
    .map((gaps) => gaps.reduce<number[]>((times, gap) => [...times, (times.at(-1) ?? 0) + gap], []));
  const policies = fc.record({
    ratePerSecond: fc.integer({ min: 1, max: 50 }),
    burst: fc.integer({ min: 1, max: 20 }),
  });

  it('never lets more through in any window than the burst plus the rate times its length', () => {
    fc.assert(
      fc.property(arrivals, policies, (times, given) => {
        const taken = times.filter((_, i) => run(times, given)[i].taken);
        for (let from = 0; from < taken.length; from++)
          for (let to = from; to < taken.length; to++) {
            const allowance = given.burst + (given.ratePerSecond * (taken[to] - taken[from])) / 1000;
            expect(to - from + 1).toBeLessThanOrEqual(allowance + 1e-9);
          }
      }),
    );
  });

  it('lets a refused sender through once it waited as long as it was told', () => {
    fc.assert(
      fc.property(arrivals, policies, (times, given) => {
        const outcomes = run(times, given);
        const refused = outcomes.findIndex((outcome) => !outcome.taken);
        if (refused < 0) return;
        const retryAt = times[refused] + outcomes[refused].retryAfterMs!;
        expect(run([...times.slice(0, refused + 1), retryAt], given).at(-1)!.taken).toBe(true);
      }),
    );
  });
});
