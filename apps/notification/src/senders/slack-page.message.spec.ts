import { genericAlertPage, LINKS } from '../email/testing/email-views.fixtures';
import { escapeSlackText, slackPageMessage } from './slack-page.message';

describe('slackPageMessage', () => {
  it('gives the headline, where it comes from, the summary and link buttons', () => {
    const message = slackPageMessage(genericAlertPage());
    expect(message.text).toBe('[CRITICAL] Disk full on srv-01 · Servers · Contoso');
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*[CRITICAL] Disk full on srv-01*\nServers · Contoso\nDisk full on srv-01' } },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Acknowledge' }, url: LINKS.acknowledge, style: 'primary' },
          { type: 'button', text: { type: 'plain_text', text: 'Resolve' }, url: LINKS.resolve },
          { type: 'button', text: { type: 'plain_text', text: 'Open incident' }, url: LINKS.incident },
        ],
      },
    ]);
  }); // prettier-ignore

  it('never lets alert text mention the channel or forge a link', () => {
    const page = genericAlertPage();
    const view = {
      ...page,
      alert: { ...page.alert, summary: '<!channel> see <https://evil.example|this> & more' },
    };
    const section = (slackPageMessage(view).blocks![0] as { text: { text: string } }).text.text;
    expect(section).toContain('&lt;!channel&gt; see &lt;https://evil.example|this&gt; &amp; more');
    expect(section).not.toMatch(/<!channel>|<https/);
  });

  it('escapes exactly &, < and >', () => {
    expect(escapeSlackText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d "e"');
  });
});
