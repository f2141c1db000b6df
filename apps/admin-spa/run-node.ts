// Node-side helper (not part of the browser bundle): runs a Node script of the repository, as the SPA's
// type generation (api-types.ts) and build (spa-build.ts) do.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../..');

/** How a script exited and what it wrote: each stream, and both in the order written. */
export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs `node ...args` in the repository root, `stdin` written to it (none: an empty input); settles when it exits. */
export function runNode(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<NodeRun> {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const both: Buffer[] = [];
    const collect = (stream: Buffer[]) => (chunk: Buffer) => {
      stream.push(chunk);
      both.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.once('error', rejectRun);
    child.once('exit', (code) =>
      resolveRun({
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        output: Buffer.concat(both).toString(),
      }),
    );
    child.stdin.end(options.stdin ?? '');
  });
}
