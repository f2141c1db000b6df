import { renderPageEmail } from './page-email.renderer';
import { defendDetectionPage, genericAlertPage, LINKS } from './testing/email-views.fixtures';
import { hrefsOf, parseRenderedEmail, visibleText } from './testing/parse-rendered-email';

const SCRIPT = '<script>alert("pwned")</script>';

describe('renderPageEmail (parsed back from MIME)', () => {
  it('a generic alert: subject, facts and the one-click links in both parts', async () => {
    const mail = await parseRenderedEmail(renderPageEmail({ ...genericAlertPage(), timeZone: 'Europe/Paris' }));
    expect(mail.subject).toBe('[CRITICAL] Servers · Contoso · Disk full on srv-01');
    expect(mail.text).toContain('Service: Servers\nClient: Contoso\nTriggered: Mon 1 Mar 2027, 03:00 (Europe/Paris)');
    expect(mail.text).toContain(`Acknowledge: ${LINKS.acknowledge}\nResolve: ${LINKS.resolve}\nOpen incident: ${LINKS.incident}`);
    expect(mail.text).toContain('Alert details\n  disk.volume: C:\n  disk.used: 99%');
    const html = mail.html as string;
    expect(hrefsOf(html)).toEqual([LINKS.incident, LINKS.acknowledge, LINKS.resolve, LINKS.incident]);
    expect(visibleText(html)).toContain('Acknowledge Resolve Open incident');
    expect(visibleText(html)).toContain('Device srv-01');
  }); // prettier-ignore

  it('a Defend detection: the device, MITRE techniques linked to ATT&CK, and the recommended action', async () => {
    const mail = await parseRenderedEmail(renderPageEmail(defendDetectionPage()));
    expect(mail.subject).toBe('[CRITICAL] Endpoint security · Contoso · Encoded PowerShell command spawned by winword.exe');
    expect(mail.text).toContain(
      'Defend detection\n  Device: WS-042\n' +
        '  MITRE ATT&CK: T1059.001 PowerShell (TA0002 Execution)\n' +
        '  MITRE ATT&CK: T1027 Obfuscated Files or Information (Defense Evasion)\n' +
        '  Recommended action: Isolate the device and reset the user’s credentials.',
    );
    const html = mail.html as string;
    expect(hrefsOf(html)).toEqual(expect.arrayContaining(['https://attack.mitre.org/techniques/T1059/001/', 'https://attack.mitre.org/techniques/T1027/']));
    expect(visibleText(html)).toContain('MITRE ATT&CK T1059.001 PowerShell (TA0002 Execution)');
    expect(visibleText(html)).toContain('Recommended action Isolate the device');
  }); // prettier-ignore

  it('keeps markup from an alert as text: no script, no injected element, in any field', async () => {
    const page = genericAlertPage();
    const view = {
      ...page,
      incident: { ...page.incident, title: SCRIPT, serviceName: '<b>Servers</b>', clientName: '<img src=x onerror=alert(1)>' },
      alert: { ...page.alert, summary: SCRIPT, details: [{ key: '<i>k</i>', value: '"><a href="https://evil.example">x</a>' }] },
    };
    const mail = await parseRenderedEmail(renderPageEmail(view));
    const html = mail.html as string;
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<a href="https:\/\/evil/i);
    expect(visibleText(html)).toContain(SCRIPT);
    expect(visibleText(html)).toContain('<img src=x onerror=alert(1)>');
    expect(mail.text).toContain(SCRIPT);
    expect(mail.subject).toBe(`[CRITICAL] <b>Servers</b> · <img src=x onerror=alert(1)> · ${SCRIPT}`);
  }); // prettier-ignore

  it('uses inline styles only and a table layout', () => {
    const { html } = renderPageEmail(defendDetectionPage());
    expect(html).not.toMatch(/<style|<link|<script|class=/i);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<table role="presentation"');
  });

  it('keeps the subject on one bounded line whatever the summary holds', async () => {
    const page = genericAlertPage();
    const summary = `Disk full\r\nBcc: everyone@example.com\n${'x'.repeat(500)}`;
    const mail = await parseRenderedEmail(renderPageEmail({ ...page, alert: { ...page.alert, summary } }));
    expect(mail.subject).toMatch(
      /^\[CRITICAL\] Servers · Contoso · Disk full Bcc: everyone@example.com x+…$/,
    );
    expect(Array.from(mail.subject!)).toHaveLength(150);
    expect(mail.bcc).toBeUndefined();
  });

  it('bounds the title and summary in the body too: the full alert stays on the incident', () => {
    const page = genericAlertPage();
    const long = { ...page, alert: { ...page.alert, summary: 's'.repeat(5000) }, incident: { ...page.incident, title: 't'.repeat(5000) } };
    const { text, html } = renderPageEmail(long);
    expect(text).toContain(`${'s'.repeat(999)}…\n`);
    expect(text).not.toContain('s'.repeat(1000));
    expect(html).toContain(`${'t'.repeat(299)}…<`);
    expect(html.length).toBeLessThan(20_000);
  }); // prettier-ignore

  it('leaves the client out of the subject when there is none', () => {
    const page = genericAlertPage();
    const { subject } = renderPageEmail({ ...page, incident: { ...page.incident, clientName: undefined } });
    expect(subject).toBe('[CRITICAL] Servers · Disk full on srv-01');
  });

  it('shows a PSA ticket, but never links a URL that is not http(s)', async () => {
    const linked = await parseRenderedEmail(renderPageEmail(genericAlertPage({ ticket: { id: '4711', url: 'https://psa.example/t/4711' } })));
    expect(hrefsOf(linked.html as string)).toContain('https://psa.example/t/4711');
    expect(linked.text).toContain('PSA ticket: #4711 https://psa.example/t/4711');
    const hostile = renderPageEmail(genericAlertPage({ ticket: { id: '4711', url: 'javascript:alert(1)' } }));
    expect(hostile.html).not.toContain('javascript:');
    expect(hostile.text).toContain('PSA ticket: #4711\n');
    expect(hostile.text).not.toContain('javascript:');
  }); // prettier-ignore

  it('offers Acknowledge only while triggered, and Resolve only until resolved', () => {
    const page = genericAlertPage();
    const acknowledged = renderPageEmail({ ...page, incident: { ...page.incident, status: 'acknowledged' } });
    expect(hrefsOf(acknowledged.html)).toEqual([LINKS.incident, LINKS.resolve, LINKS.incident]);
    const resolved = renderPageEmail({ ...page, incident: { ...page.incident, status: 'resolved' } });
    expect(resolved.text).not.toMatch(/Acknowledge:|Resolve:/);
  });

  it('keeps auto-replies away and marks high urgency important', async () => {
    const mail = await parseRenderedEmail(renderPageEmail(genericAlertPage()));
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.headers.get('priority')).toBe('high'); // mailparser's reading of Importance / X-Priority
    const page = genericAlertPage();
    const low = renderPageEmail({ ...page, incident: { ...page.incident, urgency: 'low' } });
    expect(low.headers).not.toHaveProperty('Importance');
  });

  it('shows times in UTC when the zone is absent or unknown', () => {
    expect(renderPageEmail(genericAlertPage()).text).toContain('Triggered: Mon 1 Mar 2027, 02:00 (UTC)');
    expect(renderPageEmail(genericAlertPage({ timeZone: 'Mars/Olympus' })).text).toContain('02:00 (UTC)');
  });
});
