import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type Mail from 'nodemailer/lib/mailer';
import { classifySmtpFailure } from '@oncall/notification-domain';
import { toMailOptions, type OutgoingEmail } from '../email/mail-message';
import { boundedResponse, elapsedMs, type DeliveryAttemptResult } from './delivery-attempt.result';

export interface SmtpSenderOptions {
  /** `smtp://user:pass@host:587` or `smtps://…` (SMTP_URL). */
  readonly smtpUrl: string;
  /** The From header, e.g. `On-Call <oncall@msp.example>`. */
  readonly from: string;
  /** Bound on connecting, on the greeting and on any silence during a send. */
  readonly timeoutMs?: number;
  /** Connections kept open to the relay; a storm of pages reuses them instead of reconnecting. */
  readonly maxConnections?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_CONNECTIONS = 5;

/**
 * Hands emails to the SMTP relay over a pool of connections. `send` never throws: it answers what the
 * relay said, or the failure classified as transient or permanent for the retry policy.
 */
export class SmtpSender {
  private readonly transport: Mail;

  constructor(private readonly options: SmtpSenderOptions) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transport = createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
    });
  }

  async send(email: OutgoingEmail): Promise<DeliveryAttemptResult> {
    const startedAt = performance.now();
    try {
      const info = await this.transport.sendMail(toMailOptions(email, this.options.from));
      const accepted = (info.accepted as (string | Mail.Address)[]).map(addressText);
      return {
        ok: true,
        accepted,
        response: boundedResponse(String(info.response ?? '')),
        latencyMs: elapsedMs(startedAt),
      };
    } catch (error) {
      const { code, responseCode, response, message } = error as NodemailerError;
      return {
        ok: false,
        failure: classifySmtpFailure({ responseCode, errorCode: code }),
        response: boundedResponse(response ?? `${code ?? 'error'}: ${message}`),
        latencyMs: elapsedMs(startedAt),
      };
    }
  }

  close(): void {
    this.transport.close();
  }
}

function addressText(address: string | Mail.Address): string {
  return typeof address === 'string' ? address : (address.address ?? '');
}
