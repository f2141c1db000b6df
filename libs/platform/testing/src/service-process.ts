import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../..');

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for diagnostics when a test fails. */
  output(): string;
  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnServiceOptions {
  env: NodeJS.ProcessEnv;
  port: number;
  readyTimeoutMs?: number;
  /** Append the child's output to this file instead of keeping it in memory. */
  logFile?: string;
  /** A built entry point (`node scripts/build-app.js`), run as the image runs it, instead of the sources. */
  entry?: string;
  /** A TypeScript entry point run instead of `apps/<name>/src/main.ts` (a test child wrapping the service). */
  main?: string;
}

/** Starts `apps/<name>/src/main.ts` (or `main`) as its own Node process, as production would, and waits for /readyz. */
export async function spawnService(name: string, options: SpawnServiceOptions): Promise<ServiceProcess> {
  const args = options.entry
    ? [options.entry]
    : [join(REPO_ROOT, 'scripts/run-ts.js'), options.main ?? `apps/${name}/src/main.ts`];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...options.env, PORT: String(options.port) },
    stdio: 'pipe',
  });
  const chunks: string[] = [];
  if (options.logFile) {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    chunks.push(`(output in ${options.logFile})`);
  } else {
    child.stdout.on('data', (data: Buffer) => chunks.push(data.toString()));
    child.stderr.on('data', (data: Buffer) => chunks.push(data.toString()));
  }
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const service: ServiceProcess = {
    name,
    url,
    child,
    output: () => chunks.join(''),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  await waitUntilReady(service, exited, options.readyTimeoutMs ?? 30_000);
  return service;
}

async function waitUntilReady(service: ServiceProcess, exited: Promise<number | null>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${service.name} exited with ${exitCode} before it was ready:\n${service.output()}`);
    }
    try {
      const response = await fetch(`${service.url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  await service.stop('SIGKILL');
  throw new Error(`${service.name} was not ready within ${timeoutMs} ms:\n${service.output()}`);
}
