import { ActionLinkAnswer, ActionLinkAction } from '@oncall/contracts';
import { ActionPage } from './action-page';

export const ACTION_WORDS: Record<ActionLinkAction, { verb: string; done: string; color: string }> = {
  acknowledge: { verb: 'Acknowledge', done: 'acknowledged', color: '#15803d' },
  resolve: { verb: 'Resolve', done: 'resolved', color: '#374151' },
};

/** The page for a link that cannot act: why, and that nothing happened. */
export function unusableLinkPage(
  verdict: Exclude<ActionLinkAnswer['status'], 'valid'>,
  action: ActionLinkAction,
  incidentUrl: string | null,
): ActionPage {
  const link = incidentUrl ? { label: 'Open the incident', href: incidentUrl } : undefined;
  const verb = ACTION_WORDS[action].verb.toLowerCase();
  switch (verdict) {
    case 'used':
      return {
        status: 409,
        title: 'This link was already used',
        lines: [`Each ${verb} link works once, and this one has been used. Nothing more was done.`],
        link,
      };
    case 'expired':
      return {
        status: 410,
        title: 'This link has expired',
        lines: [
          `Links in page emails work for a limited time, and this one is too old to ${verb} anything. Nothing was done.`,
          'Open the incident in On-Call to act on it.',
        ],
        link,
      };
    case 'wrong-action':
      return {
        status: 400,
        title: 'This link is for another action',
        lines: [
          `This link cannot ${verb} an incident. Nothing was done; use the link from the email as it is.`,
        ],
      };
    case 'tampered':
      return {
        status: 400,
        title: 'This link is not valid',
        lines: [
          'The link is incomplete or was changed after it was sent, so it cannot act. Nothing was done.',
          'Use the link exactly as it is in the email, or open the incident in On-Call.',
        ],
      };
  }
}

export function unavailablePage(): ActionPage {
  return {
    status: 503,
    title: 'Please try again',
    lines: ['On-Call could not check this link just now. Nothing was done; try again in a moment.'],
  };
}
