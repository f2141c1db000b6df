/**
 * Render one year of a 4-layer schedule with restrictions and overrides (target: < 20 ms).
 * Run: node scripts/run-ts.js bench/schedule-render-year.bench.ts
 */
import {
  afterHours,
  businessHours,
  dailyWindow,
  type Override,
  renderFinalSchedule,
  type Schedule,
  weeklyWindow,
} from '@oncall/scheduling-domain';

const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 21;
const YEAR = { start: '2027-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' };
const users = ['ana', 'ben', 'chen', 'dara', 'eli', 'fay', 'gus'];

function weeklyOverrides(): Override[] {
  // One 4-hour swap per week through the year, each created just before it starts.
  return Array.from({ length: 52 }, (_, week) => {
    const start = Date.parse('2027-01-04T14:00:00Z') + week * 7 * 86_400_000;
    return {
      id: `swap-${week}`,
      userId: users[week % users.length],
      start: new Date(start).toISOString(),
      end: new Date(start + 4 * 3_600_000).toISOString(),
      createdAt: new Date(start - 86_400_000).toISOString(),
    };
  });
}

const schedule: Schedule = {
  id: 'msp-noc',
  timeZone: 'Europe/Berlin',
  layers: [
    { id: 'follow-the-sun', timeZone: 'Australia/Sydney', participants: users.slice(0, 3), rotation: { kind: 'weekly' },
      handoffAnchor: '2026-12-04T17:00', start: '2026-12-01T00:00:00Z', end: null, restrictions: [dailyWindow('08:00', '20:00')] },
    { id: 'after-hours', participants: users.slice(1, 5), rotation: { kind: 'daily' }, handoffAnchor: '2026-12-28T18:00',
      start: '2026-12-01T00:00:00Z', end: null, restrictions: afterHours('18:00', '08:00') },
    { id: 'business-hours', participants: users.slice(3, 7), rotation: { kind: 'custom', unit: 'hours', length: 12 },
      handoffAnchor: '2026-12-28T08:00', start: '2026-12-01T00:00:00Z', end: null, restrictions: businessHours('08:00', '17:00') },
    { id: 'weekend-lead', participants: [users[0], users[6]], rotation: { kind: 'weekly', weeks: 2 }, handoffAnchor: '2027-01-01T18:00',
      start: '2026-12-01T00:00:00Z', end: '2027-10-01T00:00:00Z',
      restrictions: [weeklyWindow({ dayOfWeek: 6, time: '09:00' }, { dayOfWeek: 6, time: '13:00' })] },
  ],
  overrides: weeklyOverrides(),
}; // prettier-ignore

function timeOneRun(): { ms: number; shifts: number } {
  const started = performance.now();
  const shifts = renderFinalSchedule(schedule, YEAR);
  return { ms: performance.now() - started, shifts: shifts.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const cold = timeOneRun();
  for (let run = 0; run < WARM_UP_RUNS; run++) timeOneRun();
  const measured = Array.from({ length: MEASURED_RUNS }, timeOneRun);
  const times = measured.map((run) => run.ms);
  console.log(
    `renderFinalSchedule: 1 year (2027), 4 layers with restrictions, 52 overrides, zones Berlin + Sydney`,
  );
  console.log(`  first (cold) run: ${cold.ms.toFixed(2)} ms`);
  console.log(
    `  median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up: ${median(times).toFixed(2)} ms ` +
      `(min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}); target < 20 ms`,
  );
  console.log(`  shifts rendered: ${measured[0].shifts}`);
}

main();
