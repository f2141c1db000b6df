import { automatedEmail } from './automated-email';
import { oneLine } from './email-format';
import { bannerRow, buttonsRow, footnoteRow, paragraphRow } from './email-html';
import { plainSubject } from './email-subject';
import type { RenderedEmail } from './email.types';

export interface VerificationEmailView {
  /** The address being confirmed (the one this email goes to). */
  readonly address: string;
  readonly confirmUrl: string;
  /** How long the link works, in words ("24 hours"). */
  readonly validFor: string;
}

const CONFIRM_COLOR = '#15803d';

/** Asks the owner of a new email contact method to confirm it before it receives pages. */
export function renderVerificationEmail(view: VerificationEmailView): RenderedEmail {
  const address = oneLine(view.address);
  const explanation =
    `${address} was added as a contact method for On-Call pages. ` +
    'Confirm it to start receiving pages at this address.';
  const rows = [
    bannerRow('Contact method', CONFIRM_COLOR, 'Confirm this email address'),
    paragraphRow(explanation),
    buttonsRow([{ label: 'Confirm address', href: view.confirmUrl, color: CONFIRM_COLOR }]),
    footnoteRow(
      `The link works for ${view.validFor} and asks you to confirm once more when opened. ` +
        'If you did not expect this email, ignore it: nothing is sent here until the address is confirmed.',
    ),
  ];
  const text = [
    explanation,
    '',
    `Confirm: ${view.confirmUrl}`,
    '',
    `The link works for ${view.validFor}. If you did not expect this email, ignore it.`,
  ];
  return automatedEmail({
    subject: plainSubject('Confirm your email address for On-Call pages'),
    text: `${text.join('\n')}\n`,
    title: 'Confirm your email address',
    preheader: explanation,
    rows,
  });
}
