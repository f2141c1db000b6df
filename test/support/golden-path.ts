import { freePort, REPO_ROOT, ServiceProcess, spawnService, waitFor } from '@oncall/platform-testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DEMO_USERS, DemoOrganization } from '../../apps/admin-api/src/seed/seed-demo';
import {
  startTestSmtpServer,
  TestSmtpServer,
} from '../../apps/notification/src/senders/testing/test-smtp-server';
import { addressesOf } from './notification-bus';
import { PlatformHarness } from './platform-harness';
import { ServiceName } from './service-catalogue';

export interface GoldenPathOptions {
  /** Processes per service, started at the same moment (default 1). */
  replicas?: number;
  /** The services to start, admin-api first (default: the alert-to-email path). */
  services?: ServiceName[];
  /** Start every service but admin-api at the same moment, once admin-api is up (default: one by one). */
  allAtOnce?: boolean;
  /** Run the services built into this directory (`scripts/build-app.js --out-dir`) instead of their sources. */
  builtIn?: string;
}

function wavesOf(options: GoldenPathOptions): ServiceName[][] {
  const names = options.services ?? SERVICES;
  if (!options.allAtOnce) return names.map((name) => [name]);
  return [names.filter((name) => name === 'admin-api'), names.filter((name) => name !== 'admin-api')];
}

export const PUBLIC_URL = 'https://oncall.example';
export const [MORGAN, TAYLOR] = DEMO_USERS;

/** Taylor on call around the clock (inline: the schedule fixtures need Jest, and benches use this too). */
const TECHNICIANS_24_7 = { name: 'Primary', participants: [TAYLOR.id], rotation: { kind: 'daily' }, handoffAnchor: '2020-01-06T09:00', start: '2020-01-01T00:00:00.000Z' }; // prettier-ignore

/** Every service of the alert-to-email path, each in its own Node process as in production. */
const SERVICES: ServiceName[] = ['admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state', 'scheduling', 'escalation', 'notification']; // prettier-ignore

/**
 * The whole product on the real clock, every service its own process, a real SMTP server in this one, and
 * the demo service paging "Technicians 24/7" (Taylor on call) at its first step.
 */
export class GoldenPath {
  private constructor(
    readonly platform: PlatformHarness,
    readonly smtp: TestSmtpServer,
    readonly demo: DemoOrganization,
    private readonly services: Map<string, ServiceProcess[]>,
  ) {}

  static async start(
    label: string,
    env: NodeJS.ProcessEnv = {},
    options: GoldenPathOptions = {},
  ): Promise<GoldenPath> {
    const smtp = await startTestSmtpServer();
    const platform = await PlatformHarness.create(label);
    platform.configure({ SMTP_URL: smtp.url, PUBLIC_URL, LOG_LEVEL: 'warn', ...env });
    const services = new Map<string, ServiceProcess[]>();
    const spawnOne = async (name: ServiceName) =>
      spawnService(name, { env: { PATH: process.env.PATH, ...platform.env }, port: await freePort(), readyTimeoutMs: 120_000, entry: options.builtIn && join(options.builtIn, name, 'main.js') }); // prettier-ignore
    try {
      for (const wave of wavesOf(options)) {
        const names = wave.flatMap((name) => Array.from({ length: options.replicas ?? 1 }, () => name));
        const started = await Promise.allSettled(names.map(spawnOne));
        for (const result of started) {
          if (result.status === 'fulfilled') services.set(result.value.name, [...(services.get(result.value.name) ?? []), result.value]); // prettier-ignore
        }
        const failed = started.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
      }
      const demo = await platform.seedDemo();
      const golden = new GoldenPath(platform, smtp, demo, services);
      await golden.pageTaylorFirst();
      return golden;
    } catch (error) {
      // Leave no service process behind a failed start.
      await Promise.all([...services.values()].flat().map((service) => service.stop('SIGKILL')));
      await platform.close();
      await smtp.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.services.values()].flat().map((service) => service.stop('SIGTERM')));
    await this.platform.close();
    await this.smtp.close();
  }

  url(service: ServiceName): string {
    return this.services.get(service)![0].url;
  }

  /** Every replica's base URL (one per process started for `service`). */
  urls(service: ServiceName): string[] {
    return this.services.get(service)!.map((replica) => replica.url);
  }

  get manager(): string {
    return this.platform.token(this.demo.orgId, 'manager', MORGAN.hubUserId, MORGAN.email);
  }

  async call<T>(method: string, path: string, body?: unknown, token = this.manager): Promise<T> {
    const response = await fetch(`${this.url('admin-api')}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  postAlert(integrationKey: string, body: unknown): Promise<Response> {
    return fetch(`${this.url('ingestion-gateway')}/v1/alerts/generic/${integrationKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /**
   * The schedule and policy, then one alert until its email arrives: every service's local copies are
   * current once a page has gone through (the services are other processes: nothing to look into).
   */
  private async pageTaylorFirst(): Promise<void> {
    const schedule = await this.call<{ id: string }>('POST', '/api/v1/schedules', { name: 'Technicians 24/7', timeZone: 'UTC', layers: [TECHNICIANS_24_7] }); // prettier-ignore
    const policy = await this.call<{ id: string }>('POST', '/api/v1/escalation-policies', { name: 'Technicians first', repeatCount: 0, steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }] }); // prettier-ignore
    await this.call('PATCH', `/api/v1/services/${this.demo.serviceId}`, { escalationPolicyId: policy.id });
    await waitFor('a first page through every service', async () => {
      try {
        return await this.alertToEmail({ summary: 'Warm-up' }, TAYLOR.email, 3_000);
      } catch {
        return undefined;
      }
    }, { timeoutMs: 90_000, intervalMs: 100 }); // prettier-ignore
  }

  /**
   * POSTs an alert with a title of its own and answers the milliseconds from the POST to the SMTP server
   * accepting the page to `to`, and the email as a mail client reads it.
   */
  async alertToEmail(
    body: Record<string, unknown>,
    to = TAYLOR.email,
    timeoutMs = 20_000,
    post = (payload: Record<string, unknown>) => this.postAlert(this.demo.integrationKey, payload),
  ): Promise<{ ms: number; mail: ParsedMail }> {
    const summary = `${String(body.summary ?? 'Alert')} #${randomUUID().slice(0, 8)}`;
    const from = this.smtp.received.length;
    const posted = Date.now();
    const response = await post({ severity: 'critical', source: 'rmm', ...body, summary });
    if (response.status !== 202)
      throw new Error(`alert refused: ${response.status} ${await response.text()}`);
    let next = from;
    return waitFor(`the page about "${summary}" to ${to}`, async () => {
      for (; next < this.smtp.received.length; next++) {
        const mail = await simpleParser(this.smtp.received[next]);
        if (addressesOf(mail).includes(to) && mail.subject?.includes(summary))
          return { ms: this.smtp.receivedAt[next] - posted, mail };
      }
      return undefined;
    }, { timeoutMs, intervalMs: 5 }); // prettier-ignore
  }

  /** Another organization's flapping monitor, posting from a process of its own; resolves when it is done. */
  flood(
    integrationKey: string,
    count: number,
    concurrency: number,
  ): { sent(): number; done: Promise<{ accepted: number; refused: number }> } {
    // prettier-ignore
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/run-ts.js'), 'test/support/alert-flood.child.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, GATEWAY_URL: this.url('ingestion-gateway'), INTEGRATION_KEY: integrationKey, COUNT: String(count), CONCURRENCY: String(concurrency) }, // prettier-ignore
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let sent = 0;
    let result: { accepted: number; refused: number } | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const [word, a, b] = line.split(' ');
        if (word === 'sent') sent = Number(a);
        if (word === 'done') result = { accepted: Number(a), refused: Number(b) };
      }
    });
    const done = new Promise<{ accepted: number; refused: number }>((resolve, reject) =>
      child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`flood exited ${code}`)))),
    );
    return { sent: () => sent, done };
  }
}
