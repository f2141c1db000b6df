import { renderDigestEmail } from './digest-email.renderer';
import type { DigestEmailEntry, DigestEmailView } from './email.types';
import { hrefsOf, parseRenderedEmail, visibleText } from './testing/parse-rendered-email';

const entry = (incidentId: string, fields: Partial<DigestEmailEntry> = {}): DigestEmailEntry => ({
  incidentId,
  title: `Disk full on ${incidentId}`,
  severity: 'warning',
  serviceName: 'Servers',
  clientName: 'Contoso',
  pageCount: 1,
  firstHeldAt: '2027-03-01T02:00:30.000Z',
  url: `https://oncall.example/incidents/${incidentId}`,
  acknowledgeUrl: `https://oncall.example/email-actions/acknowledge/${incidentId}.sig`,
  ...fields,
});
const view = (entries: DigestEmailEntry[]): DigestEmailView => ({
  entries,
  pageCount: entries.reduce((sum, e) => sum + e.pageCount, 0),
  links: { incidents: 'https://oncall.example/incidents' },
  timeZone: 'America/Chicago',
});

describe('renderDigestEmail (parsed back from MIME)', () => {
  it('names the count and the most severe incident in the subject, and lists every incident', async () => {
    const entries = [entry('inc-1', { severity: 'critical', pageCount: 3 }), entry('inc-2'), entry('inc-3', { clientName: null })];
    const mail = await parseRenderedEmail(renderDigestEmail(view(entries)));
    expect(mail.subject).toBe('[CRITICAL] On-Call digest: 3 incidents (5 pages)');
    expect(mail.text).toContain(
      '[CRITICAL] Disk full on inc-1\n  Servers · Contoso · Sun 28 Feb 2027, 20:00 (America/Chicago) · 3 pages\n' +
        '  https://oncall.example/incidents/inc-1\n  Acknowledge: https://oncall.example/email-actions/acknowledge/inc-1.sig',
    );
    expect(mail.text).toContain('[WARNING] Disk full on inc-3\n  Servers · Sun 28 Feb 2027, 20:00 (America/Chicago)\n');
    const html = mail.html as string;
    for (const { incidentId } of entries) {
      expect(visibleText(html)).toContain(`Disk full on ${incidentId}`);
      expect(hrefsOf(html)).toContain(`https://oncall.example/incidents/${incidentId}`);
    }
  }); // prettier-ignore

  it('lists all of 200 incidents: nothing is left out of a digest', async () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(`inc-${i}`));
    const mail = await parseRenderedEmail(renderDigestEmail(view(entries)));
    expect(mail.subject).toBe('[WARNING] On-Call digest: 200 incidents (200 pages)');
    const text = visibleText(mail.html as string);
    expect(entries.every(({ incidentId }) => text.includes(`Disk full on ${incidentId} `))).toBe(true);
  });

  it('keeps markup in titles as text and never links a URL that is not http(s)', async () => {
    const hostile = entry('inc-1', { title: '<script>x()</script>', url: 'javascript:x()', acknowledgeUrl: 'data:text/html,x' });
    const { html } = renderDigestEmail(view([hostile]));
    expect(html).not.toMatch(/<script|javascript:|data:text/);
    expect(visibleText(html)).toContain('<script>x()</script>');
  }); // prettier-ignore
});
