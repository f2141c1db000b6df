import { renderCoverageGapEmail } from './coverage-gap-email.renderer';
import type { CoverageGapEmailView } from './email.types';
import { hrefsOf, parseRenderedEmail, visibleText } from './testing/parse-rendered-email';

const gap = (fields: Partial<CoverageGapEmailView> = {}): CoverageGapEmailView => ({
  schedule: { id: 'sch-1', name: 'Primary on-call', url: 'https://oncall.example/schedules/sch-1' },
  gap: { start: '2027-03-01T17:00:00.000Z', end: '2027-03-02T07:00:00.000Z' },
  timeZone: 'Europe/Paris',
  affectedServices: [{ name: 'Servers', url: 'https://oncall.example/services/svc-1' }, { name: 'Backups' }],
  affectedServicesKnown: true,
  ...fields,
});

describe('renderCoverageGapEmail (parsed back from MIME)', () => {
  it('names the schedule, the window in the manager’s zone and the services affected', async () => {
    const mail = await parseRenderedEmail(renderCoverageGapEmail(gap()));
    const window = 'Mon 1 Mar 2027, 18:00 – Tue 2 Mar 2027, 08:00 (Europe/Paris)';
    expect(mail.subject).toBe(`[COVERAGE GAP] Primary on-call · ${window}`);
    expect(mail.text).toContain(`Nobody is on call in Primary on-call from ${window}.`);
    expect(mail.text).toContain('Services affected:\n- Servers\n- Backups\n');
    const html = mail.html as string;
    expect(visibleText(html)).toContain(`Nobody on call ${window}`);
    expect(visibleText(html)).toContain('Service Servers Service Backups');
    expect(hrefsOf(html)).toEqual(expect.arrayContaining(['https://oncall.example/schedules/sch-1', 'https://oncall.example/services/svc-1']));
  }); // prettier-ignore

  it('says so when the services could not be determined, or none is affected', () => {
    expect(
      renderCoverageGapEmail(gap({ affectedServices: [], affectedServicesKnown: false })).text,
    ).toContain('Services affected:\nCould not be determined when the gap was found; check the schedule.');
    expect(renderCoverageGapEmail(gap({ affectedServices: [] })).text).toContain(
      'Services affected:\nNo service escalates to this schedule.',
    );
  });

  it('keeps markup in names as text', () => {
    const hostile = gap({
      schedule: { id: 's', name: '<b onmouseover=x>Night</b>', url: 'https://oncall.example/s' },
    });
    const { html, subject } = renderCoverageGapEmail(hostile);
    expect(html).not.toContain('<b ');
    expect(visibleText(html)).toContain('<b onmouseover=x>Night</b>');
    expect(subject).toContain('<b onmouseover=x>Night</b>');
  });
});
