import { waitFor } from '@oncall/platform-testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { ScheduleCopies } from '../../apps/escalation/src/local-copies/schedule-copies';
import {
  startTestSmtpServer,
  TestSmtpServer,
} from '../../apps/notification/src/senders/testing/test-smtp-server';
import { EscalationPlatform, PAGING_SERVICES, TAYLOR } from './escalation-platform';
import { addressesOf } from './notification-bus';
import { dailyLayer } from './schedule-fixtures';

export const PUBLIC_URL = 'https://oncall.example';

/**
 * The whole product on the real clock: every service from the gateway to notification, a real SMTP server,
 * and the demo service paging "Technicians 24/7" (Taylor on call) at its first step.
 */
export class GoldenPath {
  private constructor(
    readonly esc: EscalationPlatform,
    readonly smtp: TestSmtpServer,
  ) {}

  static async start(label: string, env: NodeJS.ProcessEnv = {}): Promise<GoldenPath> {
    const smtp = await startTestSmtpServer();
    const esc = await EscalationPlatform.start(label, [...PAGING_SERVICES, 'notification'], {
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      ...env,
    });
    const schedule = await esc.call<{ id: string }>('POST', '/api/v1/schedules', {
      name: 'Technicians 24/7',
      timeZone: 'UTC',
      layers: [dailyLayer([TAYLOR.id])],
    });
    const copies = esc.platform.service('escalation').app.get(ScheduleCopies);
    await waitFor("escalation's copy of the schedule", () => copies.schedule(esc.demo.orgId, schedule.id));
    const policy = await esc.createPolicy([
      { delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] },
    ]);
    await esc.useForDemoService(policy.id);
    return new GoldenPath(esc, smtp);
  }

  async close(): Promise<void> {
    await this.esc.close();
    await this.smtp.close();
  }

  /**
   * POSTs an alert with a title of its own and answers the milliseconds from the POST to the SMTP server
   * accepting the page to `to`, and the email as a mail client reads it.
   */
  async alertToEmail(
    body: Record<string, unknown>,
    to = TAYLOR.email,
    post = (payload: Record<string, unknown>) =>
      this.esc.platform.postAlert(this.esc.demo.integrationKey, payload),
  ): Promise<{ ms: number; mail: ParsedMail }> {
    const summary = `${String(body.summary ?? 'Alert')} #${randomUUID().slice(0, 8)}`;
    const from = this.smtp.received.length;
    const posted = Date.now();
    const response = await post({ severity: 'critical', source: 'rmm', ...body, summary });
    if (response.status !== 202)
      throw new Error(`alert refused: ${response.status} ${await response.text()}`);
    let next = from;
    return waitFor(
      `the page about "${summary}" to ${to}`,
      async () => {
        for (; next < this.smtp.received.length; next++) {
          const mail = await simpleParser(this.smtp.received[next]);
          if (addressesOf(mail).includes(to) && mail.subject?.includes(summary))
            return { ms: this.smtp.receivedAt[next] - posted, mail };
        }
        return undefined;
      },
      { timeoutMs: 20_000, intervalMs: 5 },
    );
  }
}
