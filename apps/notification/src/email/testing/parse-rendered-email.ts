import MailComposer from 'nodemailer/lib/mail-composer';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { RenderedEmail } from '../email.types';
import { toMailOptions } from '../mail-message';

/** Builds the MIME message a sender would send, and parses it back as a mail client would. */
export async function parseRenderedEmail(
  email: RenderedEmail,
  to = 'alice@msp.example',
): Promise<ParsedMail> {
  const mime = await new MailComposer(toMailOptions({ ...email, to }, 'On-Call <oncall@msp.example>'))
    .compile()
    .build();
  return simpleParser(mime);
}

/** The HTML part reduced to its visible text, as a reader sees it (tags dropped, entities decoded). */
export function visibleText(html: string): string {
  return html
    .replace(/<div style="display:none[^>]*>.*?<\/div>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Every href of the HTML part, decoded. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
}
