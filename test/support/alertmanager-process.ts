import { waitFor } from '@oncall/platform-testing';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's package (`prometheus-alertmanager`, installed by .ci/run); never a downloaded binary. */
export const ALERTMANAGER_BINARY = '/usr/bin/prometheus-alertmanager';

export const alertmanagerInstalled = (): boolean => existsSync(ALERTMANAGER_BINARY);

export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
}

/**
 * A real Alertmanager on a free local port, its configuration and storage in a temporary directory,
 * clustering off. Stopped by its own pid.
 */
export class AlertmanagerProcess {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly output: string[],
  ) {}

  static async start(configYaml: string): Promise<AlertmanagerProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-alertmanager-'));
    writeFileSync(join(dir, 'alertmanager.yml'), configYaml);
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(
      ALERTMANAGER_BINARY,
      [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const alertmanager = new AlertmanagerProcess(`http://127.0.0.1:${port}`, child, dir, output);
    try {
      await waitFor('Alertmanager to be ready', async () => {
        if (child.exitCode !== null) throw new Error(`Alertmanager exited: ${output.join('')}`);
        return (await fetch(`${alertmanager.url}/-/ready`).catch(() => undefined))?.ok;
      });
    } catch (error) {
      await alertmanager.stop();
      throw error;
    }
    return alertmanager;
  }

  /** Alertmanager's own API (v2), as Prometheus feeds it. */
  async post(alerts: PostableAlert[]): Promise<void> {
    const response = await fetch(`${this.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (!response.ok)
      throw new Error(`Alertmanager refused alerts: ${response.status} ${await response.text()}`);
  }

  get log(): string {
    return this.output.join('');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
