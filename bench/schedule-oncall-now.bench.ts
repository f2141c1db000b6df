/**
 * "Who is on call now" for 1,000 schedules of 3 layers each (target: < 50 ms for all of them).
 * Run: node scripts/run-ts.js bench/schedule-oncall-now.bench.ts
 */
import { afterHours, businessHours, type Schedule, whoIsOnCall } from '@oncall/scheduling-domain';

const SCHEDULES = 1_000;
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 21;
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'Australia/Sydney',
  'Europe/London',
  'Asia/Kolkata',
  'UTC',
];

function buildSchedule(index: number): Schedule {
  const users = Array.from({ length: 6 }, (_, i) => `user-${index}-${i}`);
  return {
    id: `schedule-${index}`,
    timeZone: ZONES[index % ZONES.length],
    layers: [
      { id: 'primary', participants: users.slice(0, 4), rotation: { kind: 'weekly' }, handoffAnchor: '2026-01-05T09:00',
        start: '2026-01-01T00:00:00Z', end: null, restrictions: [] },
      { id: 'after-hours', participants: users.slice(2, 6), rotation: { kind: 'daily', days: 2 }, handoffAnchor: '2026-03-02T18:00',
        start: '2026-01-01T00:00:00Z', end: null, restrictions: afterHours('18:00', '08:00') },
      { id: 'day-desk', participants: users.slice(0, 3), rotation: { kind: 'custom', unit: 'hours', length: 12 },
        handoffAnchor: '2026-06-01T08:00', start: '2026-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z',
        restrictions: businessHours('08:00', '17:00') },
    ],
    overrides: [
      { id: `o-${index}-1`, userId: users[5], start: '2027-06-14T22:00:00Z', end: '2027-06-15T06:00:00Z', createdAt: '2027-06-01T00:00:00Z' },
      { id: `o-${index}-2`, userId: users[4], start: '2027-06-20T00:00:00Z', end: '2027-06-21T00:00:00Z', createdAt: '2027-06-02T00:00:00Z' },
    ],
  }; // prettier-ignore
}

function timeOneRun(schedules: readonly Schedule[], now: Date): { ms: number; covered: number } {
  const started = performance.now();
  let covered = 0;
  for (const schedule of schedules) if (whoIsOnCall(schedule, now)) covered++;
  return { ms: performance.now() - started, covered };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const schedules = Array.from({ length: SCHEDULES }, (_, i) => buildSchedule(i));
  const start = Date.parse('2027-06-15T10:17:00Z');
  // A minute apart, as a service polling "now" would ask.
  const nowOfRun = (run: number) => new Date(start + run * 60_000);
  const cold = timeOneRun(schedules, nowOfRun(0));
  for (let run = 1; run <= WARM_UP_RUNS; run++) timeOneRun(schedules, nowOfRun(run));
  const measured = Array.from({ length: MEASURED_RUNS }, (_, i) =>
    timeOneRun(schedules, nowOfRun(WARM_UP_RUNS + 1 + i)),
  );
  const times = measured.map((run) => run.ms);
  console.log(`whoIsOnCall: ${SCHEDULES} schedules x 3 layers (+2 overrides each), ${ZONES.length} zones`);
  console.log(`  first (cold) run: ${cold.ms.toFixed(2)} ms`);
  console.log(
    `  median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up: ${median(times).toFixed(2)} ms ` +
      `(min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}); target < 50 ms`,
  );
  console.log(`  schedules with someone on call: ${measured[0].covered}/${SCHEDULES}`);
}

main();
