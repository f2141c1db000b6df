import type { ActionLinkSigner, ActionLinkSubject } from './action-link.signer';

/**
 * Where an action link points: a public page of the platform. Opening it must change nothing (mail
 * scanners such as Safe Links open every link of a message); the page asks for one click, which posts
 * the token back and acts.
 */
export const ACTION_LINK_PATH = '/email-actions';

export function actionLinkUrl(publicUrl: string, action: ActionLinkSubject['action'], token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${ACTION_LINK_PATH}/${action}/${token}`;
}

/** The acknowledge and resolve links of one page email, for one person and one incident. */
export function pageActionLinks(
  publicUrl: string,
  signer: ActionLinkSigner,
  page: Omit<ActionLinkSubject, 'action'>,
  now: Date,
): { acknowledge: string; resolve: string } {
  const link = (action: ActionLinkSubject['action']) =>
    actionLinkUrl(publicUrl, action, signer.sign({ ...page, action }, now));
  return { acknowledge: link('acknowledge'), resolve: link('resolve') };
}
