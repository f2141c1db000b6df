import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/**
 * CPU time (ms) used so far by the main thread only (the server's, when the load runs in a worker), from
 * /proc on Linux; undefined elsewhere. Unlike throughput, it hardly depends on what else the machine runs.
 */
export function mainThreadCpuMs(): number | undefined {
  return cpuMsOf(`/proc/self/task/${process.pid}/stat`);
}

/** CPU time (ms) used so far by process `pid` (all its threads), from /proc on Linux; undefined elsewhere. */
export function processCpuMs(pid: number): number | undefined {
  return cpuMsOf(`/proc/${pid}/stat`);
}

/** CPU time (ms) used so far by every process whose command name (`comm`) is `name`, e.g. `postgres`. */
export function commandCpuMs(name: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
    } catch {
      continue; // ended while we looked
    }
    total += cpuMsOf(`/proc/${entry}/stat`) ?? 0;
  }
  return total;
}

/** CPU time (ms) the whole machine spent busy so far (every core: all but idle and I/O wait), from /proc/stat. */
export function machineBusyCpuMs(): number | undefined {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .split(/\s+/)
      .map(Number);
    return ticksToMs(user + nice + system + irq + softirq + steal);
  } catch {
    return undefined;
  }
}

/** User + system time from a /proc `stat` file (fields 14 and 15, in clock ticks). */
function cpuMsOf(statFile: string): number | undefined {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ticksToMs(Number(fields[11]) + Number(fields[12]));
  } catch {
    return undefined;
  }
}

function ticksToMs(ticks: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return (ticks * 1000) / ticksPerSecond;
}
