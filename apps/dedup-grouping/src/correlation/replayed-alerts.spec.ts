import { replayedCount } from './replayed-alerts';

const run = (...sequences: number[]) => sequences.map((sequence) => ({ sequence }));

describe('replayedCount', () => {
  it.each([
    { alerts: run(5, 6, 7), appliedThrough: 0, replayed: 0 },
    { alerts: run(5, 6, 7), appliedThrough: 4, replayed: 0 },
    { alerts: run(5, 6, 7), appliedThrough: 5, replayed: 1 },
    { alerts: run(5, 6, 9), appliedThrough: 8, replayed: 2 },
    { alerts: run(5, 6, 7), appliedThrough: 7, replayed: 3 },
    { alerts: run(5, 6, 7), appliedThrough: 100, replayed: 3 },
  ])(
    '$alerts.length alerts, applied through $appliedThrough: $replayed replayed',
    ({ alerts, appliedThrough, replayed }) => {
      expect(replayedCount(alerts, appliedThrough)).toBe(replayed);
    },
  );
});
