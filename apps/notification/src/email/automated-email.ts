import { AUTOMATED_EMAIL_HEADERS } from './email-format';
import { htmlDocument } from './email-html';
import type { RenderedEmail } from './email.types';

export interface AutomatedEmailParts {
  readonly subject: string;
  readonly text: string;
  /** The HTML document's title and preheader (the line clients show beside the subject). */
  readonly title: string;
  readonly preheader: string;
  readonly rows: readonly string[];
  /** Headers of this email, added after the automated ones every email carries. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An email the platform sends: its rows laid out in the common document, marked as automated. */
export function automatedEmail(parts: AutomatedEmailParts): RenderedEmail {
  return {
    subject: parts.subject,
    text: parts.text,
    html: htmlDocument(parts.title, parts.preheader, parts.rows),
    headers: parts.headers ? { ...AUTOMATED_EMAIL_HEADERS, ...parts.headers } : AUTOMATED_EMAIL_HEADERS,
  };
}
