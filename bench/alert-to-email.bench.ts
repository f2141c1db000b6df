/**
 * The headline figure: alert POST → page email accepted by the SMTP server, p50/p99 over sequential
 * alerts through every service running as its own process (real clock, real SMTP server in this process).
 *   node scripts/run-ts.js bench/alert-to-email.bench.ts [alerts=500]
 */
import 'reflect-metadata';
import { GoldenPath } from '../test/support/golden-path';

const ALERTS = Number(process.argv[2] ?? 500);
const PACE_MS = 650;

async function main(): Promise<void> {
  // One person gets every page: past the digest threshold (at most 100 a minute), pages are bundled into
  // digests, so alerts are paced at one per 650 ms (about 92 a minute).
  const golden = await GoldenPath.start('benchmail', { NOTIFY_DIGEST_THRESHOLD: '100' });
  try {
    const times: number[] = [];
    const started = Date.now();
    for (let i = 0; i < ALERTS; i++) {
      const due = started + i * PACE_MS;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const { ms } = await golden.alertToEmail({ summary: `Disk full on FS${i}` });
      times.push(ms);
    }
    const seconds = (Date.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
    console.log(
      `${ALERTS} sequential alerts in ${seconds.toFixed(1)} s: alert POST → email accepted by SMTP ` +
        `p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${times[times.length - 1]} ms`,
    );
  } finally {
    await golden.close();
  }
}

void main();
