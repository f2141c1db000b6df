import { Logger } from 'pino';
import { DevMailbox } from '../dev-mailbox/dev-mailbox.server';
import type { OutgoingEmail } from '../email/mail-message';
import { NotificationConfig } from '../notification.config';
import type { DeliveryAttemptResult } from './delivery-attempt.result';
import { SmtpSender } from './smtp.sender';

/** Injection token of what hands emails over (the MailTransport). */
export const MAIL_SENDER = Symbol('MAIL_SENDER');

export interface MailSender {
  send(email: OutgoingEmail): Promise<DeliveryAttemptResult>;
}

/**
 * Emails go to SMTP_URL through a pool of connections. Without SMTP_URL outside production, the
 * development mailbox is started in-process and emails go to it (written to DEV_MAIL_DIR, listed at
 * GET /dev/mail); production refuses to start without SMTP_URL (config validation).
 */
export class MailTransport implements MailSender {
  private constructor(
    private readonly sender: SmtpSender,
    readonly mailbox: DevMailbox | null,
  ) {}

  static async start(config: NotificationConfig, logger: Logger, now: () => Date): Promise<MailTransport> {
    const options = { from: config.MAIL_FROM };
    if (config.SMTP_URL) return new MailTransport(new SmtpSender({ ...options, smtpUrl: config.SMTP_URL }), null);
    if (config.NODE_ENV === 'production') throw new Error('SMTP_URL is not set');
    const mailbox = await DevMailbox.start({ directory: config.DEV_MAIL_DIR, now });
    logger.info(
      { directory: mailbox.directory, smtpUrl: mailbox.smtpUrl },
      'SMTP_URL is not set: emails go to the development mailbox (GET /dev/mail on this service)',
    );
    return new MailTransport(new SmtpSender({ ...options, smtpUrl: mailbox.smtpUrl }), mailbox);
  } // prettier-ignore

  send(email: OutgoingEmail): Promise<DeliveryAttemptResult> {
    return this.sender.send(email);
  }

  async onModuleDestroy(): Promise<void> {
    this.sender.close();
    await this.mailbox?.close();
  }
}
