import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

/** User + system time from a /proc `stat` file (fields 14 and 15, in clock ticks). */
function cpuMsOf(statFile: string): number | undefined {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
