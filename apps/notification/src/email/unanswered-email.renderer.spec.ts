import type { UnansweredEmailView } from './email.types';
import { genericAlertPage, LINKS } from './testing/email-views.fixtures';
import { hrefsOf, parseRenderedEmail, visibleText } from './testing/parse-rendered-email';
import { renderUnansweredEmail } from './unanswered-email.renderer';

const unanswered = (fields: Partial<UnansweredEmailView> = {}): UnansweredEmailView => ({
  incident: genericAlertPage().incident,
  alertSummary: 'Disk full on srv-01',
  escalation: { policyName: 'Servers 24/7', cycles: 3, pagedPeople: ['Alice Martin', 'Bob Chen'] },
  links: { incident: LINKS.incident, acknowledge: LINKS.acknowledge },
  timeZone: 'Europe/London',
  ...fields,
});

describe('renderUnansweredEmail (parsed back from MIME)', () => {
  it('tells managers which incident went unanswered, who was paged and by which policy', async () => {
    const mail = await parseRenderedEmail(renderUnansweredEmail(unanswered()));
    expect(mail.subject).toBe('[UNANSWERED] [CRITICAL] Servers · Contoso · Disk full on srv-01');
    expect(mail.text).toContain('after the escalation policy Servers 24/7 ran through all its steps 3 times');
    expect(mail.text).toContain('Paged: Alice Martin, Bob Chen\nEscalation policy: Servers 24/7');
    expect(mail.text).toContain(`Acknowledge: ${LINKS.acknowledge}\nOpen incident: ${LINKS.incident}`);
    expect(mail.text).not.toContain('Resolve:');
    expect(hrefsOf(mail.html as string)).toEqual([LINKS.incident, LINKS.acknowledge, LINKS.incident]);
    expect(mail.headers.get('priority')).toBe('high');
  });

  it('speaks of “its escalation policy” when the page did not name it', async () => {
    const view = unanswered({ escalation: { policyName: null, cycles: 1, pagedPeople: ['Alice Martin'] } });
    const mail = await parseRenderedEmail(renderUnansweredEmail(view));
    expect(mail.text).toContain('after its escalation policy ran through all its steps once');
    expect(mail.text).not.toContain('Escalation policy:');
  });

  it('says when nobody could be paged, and keeps markup as text', () => {
    const view = unanswered({ alertSummary: '<script>x()</script>', escalation: { policyName: 'P', cycles: 1, pagedPeople: [] } });
    const { html, text } = renderUnansweredEmail(view);
    expect(text).toContain('Paged: nobody (no one was on call)');
    expect(text).toContain('ran through all its steps once');
    expect(html).not.toContain('<script');
    expect(visibleText(html)).toContain('Summary <script>x()</script>');
  }); // prettier-ignore
});
