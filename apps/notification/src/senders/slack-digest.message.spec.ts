import { slackDigestMessage } from './slack-digest.message';

const entry = (n: number) => ({
  incidentId: `inc-${n}`,
  title: `Disk <full> ${n}`,
  severity: 'critical' as const,
  serviceName: 'Servers',
  clientName: 'Contoso',
  pageCount: 1,
  firstHeldAt: '2027-03-01T02:00:00.000Z',
  url: `https://oncall.example/incidents/inc-${n}`,
});

describe('slackDigestMessage', () => {
  it('lists every incident with its link, escaping alert text', () => {
    const message = slackDigestMessage({ entries: [entry(1), entry(2)], pageCount: 3, links: { incidents: 'https://oncall.example/incidents' } });
    expect(message.text).toBe('On-Call digest: 2 incidents (3 pages)');
    const text = (message.blocks![0] as { text: { text: string } }).text.text;
    expect(text).toContain('• [CRITICAL] <https://oncall.example/incidents/inc-1|Disk &lt;full&gt; 1> Servers · Contoso');
    expect(text).toContain('inc-2');
  }); // prettier-ignore

  it('counts what it does not list', () => {
    const entries = Array.from({ length: 45 }, (_, n) => entry(n));
    const message = slackDigestMessage({ entries, pageCount: 45, links: { incidents: 'https://oncall.example/incidents' } });
    expect((message.blocks![0] as { text: { text: string } }).text.text).toContain('…and 5 more');
  }); // prettier-ignore
});
