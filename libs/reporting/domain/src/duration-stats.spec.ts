import { durationStats } from './duration-stats';

describe('durationStats (seconds, rounded to the millisecond)', () => {
  it.each([
    [[], { count: 0, mean: null, median: null, p90: null }],
    [[42], { count: 1, mean: 42, median: 42, p90: 42 }],
    [[10, 20], { count: 2, mean: 15, median: 15, p90: 19 }],
    [[5, 1, 3], { count: 3, mean: 3, median: 3, p90: 4.6 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], { count: 11, mean: 14.091, median: 6, p90: 10 }],
  ])('of %j is %j', (durations, expected) => {
    expect(durationStats(durations)).toEqual(expected);
  });
});
