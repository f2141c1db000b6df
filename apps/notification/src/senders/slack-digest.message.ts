import type { DigestEmailView } from '../email/email.types';
import { escapeSlackText, type SlackMessage } from './slack-page.message';

/** Slack shows long messages folded; a digest lists this many incidents and counts the rest. */
const MAX_LINES = 40;

/** A digest as a Slack message: one line per incident (most severe first), linked to the incident. */
export function slackDigestMessage(view: DigestEmailView): SlackMessage {
  const incidents = view.entries.length;
  const headline = `On-Call digest: ${incidents} incident${incidents === 1 ? '' : 's'} (${view.pageCount} pages)`;
  const lines = view.entries.slice(0, MAX_LINES).map((entry) => {
    const where = [entry.serviceName, entry.clientName ?? '']
      .filter(Boolean)
      .map(escapeSlackText)
      .join(' · ');
    return `• [${entry.severity.toUpperCase()}] <${entry.url}|${escapeSlackText(entry.title)}> ${where}`;
  });
  const more =
    incidents > MAX_LINES
      ? [`…and ${incidents - MAX_LINES} more: <${view.links.incidents}|all incidents>`]
      : [];
  return {
    text: headline,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: [`*${headline}*`, ...lines, ...more].join('\n') } },
    ],
  };
}
