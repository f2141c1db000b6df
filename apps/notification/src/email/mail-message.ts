import type { SendMailOptions } from 'nodemailer/lib/mailer';
import type { RenderedEmail } from './email.types';

/** A rendered email with its recipient: what a sender is handed. */
export interface OutgoingEmail extends RenderedEmail {
  readonly to: string;
  /**
   * `<id@host>`, the same for every attempt at one delivery: should a crash make us hand it over twice,
   * mail clients can tell the copies are one message.
   */
  readonly messageId?: string;
}

/**
 * The nodemailer message for an email. File and URL access are off: nothing in a message may make
 * nodemailer read a local file or fetch a URL (attachments are never built from user input anyway).
 */
export function toMailOptions(email: OutgoingEmail, from: string): SendMailOptions {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: { ...email.headers },
    ...(email.messageId ? { messageId: email.messageId } : {}),
    textEncoding: 'quoted-printable',
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
