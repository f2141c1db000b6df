/**
 * "Who is on call now" for 1,000 schedules of 3 layers each (+2 overrides), timed two ways:
 *  - whoIsOnCall: the engine's single-instant answer for each schedule (the paging path);
 *  - onCallSummary: what the service computes per schedule for GET /on-call (who now, until when, who
 *    next), over schedule histories. The < 50 ms target applies to this one.
 * Run: node scripts/run-ts.js bench/schedule-oncall-now.bench.ts
 */
import {
  afterHours,
  businessHours,
  onCallSummary,
  type Schedule,
  type ScheduleHistory,
  whoIsOnCall,
} from '@oncall/scheduling-domain';

const SCHEDULES = 1_000;
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 21;
const TARGET_MS = 50;
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

/** The same schedule as the service holds it: one revision in force since the schedule was created. */
function asHistory(schedule: Schedule): ScheduleHistory {
  const { id, timeZone, layers, overrides } = schedule;
  return {
    id,
    revisions: [{ revision: 1, effectiveFrom: '2026-01-01T00:00:00Z', timeZone, layers }],
    overrides,
  };
}

interface Run {
  ms: number;
  covered: number;
}

function timeOneRun<T>(items: readonly T[], answer: (item: T) => boolean): Run {
  const started = performance.now();
  let covered = 0;
  for (const item of items) if (answer(item)) covered++;
  return { ms: performance.now() - started, covered };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure<T>(label: string, items: readonly T[], answer: (item: T, now: Date) => boolean): number {
  const start = Date.parse('2027-06-15T10:17:00Z');
  // A minute apart, as a service polling "now" would ask.
  const nowOfRun = (run: number) => new Date(start + run * 60_000);
  const runAt = (run: number) => timeOneRun(items, (item) => answer(item, nowOfRun(run)));
  const cold = runAt(0);
  for (let run = 1; run <= WARM_UP_RUNS; run++) runAt(run);
  const measured = Array.from({ length: MEASURED_RUNS }, (_, i) => runAt(WARM_UP_RUNS + 1 + i));
  const times = measured.map((run) => run.ms);
  console.log(label);
  console.log(`  first (cold) run: ${cold.ms.toFixed(2)} ms`);
  console.log(
    `  median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up: ${median(times).toFixed(2)} ms ` +
      `(min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)})`,
  );
  console.log(`  schedules with someone on call: ${measured[0].covered}/${items.length}`);
  return median(times);
}

function main(): void {
  const schedules = Array.from({ length: SCHEDULES }, (_, i) => buildSchedule(i));
  const histories = schedules.map(asHistory);
  const shape = `${SCHEDULES} schedules x 3 layers (+2 overrides each), ${ZONES.length} zones`;
  measure(`whoIsOnCall (instant only): ${shape}`, schedules, (schedule, now) => !!whoIsOnCall(schedule, now));
  const summary = measure(
    `onCallSummary (service's on-call-now: who now, until, next; histories): ${shape}`,
    histories,
    (history, now) => onCallSummary(history, now).onCall !== null,
  );
  const verdict = summary < TARGET_MS ? 'meets' : 'MISSES';
  console.log(
    `on-call-now computation: median ${summary.toFixed(2)} ms ${verdict} the target < ${TARGET_MS} ms`,
  );
}

main();
