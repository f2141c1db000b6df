import type { PageEmailView } from '../email/email.types';

/** The JSON body of a Slack incoming-webhook message: `text` is the notification and fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: readonly unknown[];
}

/**
 * Slack reads `<…>` as links and mentions and `&` as an entity, so an alert saying `<!channel>` would
 * notify the whole channel: escape the three characters Slack asks for in every value we did not write.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A page as a Slack message: the headline, where it comes from, and link buttons to act. */
export function slackPageMessage(view: PageEmailView): SlackMessage {
  const { incident, alert, links } = view;
  const where = [incident.serviceName, incident.clientName]
    .filter((part): part is string => Boolean(part))
    .map(escapeSlackText);
  const headline = `[${incident.severity.toUpperCase()}] ${escapeSlackText(incident.title)}`;
  const button = (text: string, url: string, style?: 'primary' | 'danger') => ({
    type: 'button',
    text: { type: 'plain_text', text },
    url,
    ...(style ? { style } : {}),
  });
  const buttons = [
    ...(incident.status === 'triggered' ? [button('Acknowledge', links.acknowledge, 'primary')] : []),
    ...(incident.status !== 'resolved' ? [button('Resolve', links.resolve)] : []),
    button('Open incident', links.incident),
  ];
  return {
    text: `${headline} · ${where.join(' · ')}`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${headline}*\n${where.join(' · ')}\n${escapeSlackText(alert.summary)}`,
        },
      },
      { type: 'actions', elements: buttons },
    ],
  };
}
