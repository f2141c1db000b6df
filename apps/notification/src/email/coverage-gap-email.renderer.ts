import { automatedEmail } from './automated-email';
import { formatInstant, formatInstantShort, oneLine } from './email-format';
import { bannerRow, buttonsRow, factsRow, footnoteRow, headingRow, paragraphRow } from './email-html';
import { plainSubject } from './email-subject';
import type { CoverageGapEmailView, RenderedEmail } from './email.types';

const GAP_COLOR = '#a16207';

/** Tells a manager, in their time zone, that a schedule will have nobody on call, and what it affects. */
export function renderCoverageGapEmail(view: CoverageGapEmailView): RenderedEmail {
  const window = gapWindow(view);
  const explanation =
    `Nobody is on call in ${oneLine(view.schedule.name)} from ${window}. ` +
    'Pages that reach this schedule then will find nobody and move on to the next escalation step.';
  const rows = [
    bannerRow('Coverage gap', GAP_COLOR, view.schedule.name, view.schedule.url),
    paragraphRow(explanation),
    factsRow([
      { label: 'Schedule', value: view.schedule.name, href: view.schedule.url },
      { label: 'Nobody on call', value: window },
    ]),
    headingRow('Services affected'),
    ...servicesHtml(view),
    buttonsRow([{ label: 'Open the schedule', href: view.schedule.url, color: '#1d4ed8' }]),
    footnoteRow('Add an override or change a layer to close the gap before it starts.'),
  ];
  return automatedEmail({
    subject: plainSubject(`[COVERAGE GAP] ${oneLine(view.schedule.name)} · ${window}`),
    text: coverageGapText(view, explanation),
    title: `Coverage gap in ${view.schedule.name}`,
    preheader: explanation,
    rows,
  });
}

/** "Mon 1 Mar 2027, 18:00 – Tue 2 Mar 2027, 08:00 (Europe/Paris)". */
function gapWindow({ gap, timeZone }: CoverageGapEmailView): string {
  return `${formatInstantShort(gap.start, timeZone)} – ${formatInstant(gap.end, timeZone)}`;
}

function servicesSummary(view: CoverageGapEmailView): string | null {
  if (!view.affectedServicesKnown)
    return 'Could not be determined when the gap was found; check the schedule.';
  if (view.affectedServices.length === 0) return 'No service escalates to this schedule.';
  return null;
}

function servicesHtml(view: CoverageGapEmailView): string[] {
  const summary = servicesSummary(view);
  if (summary) return [paragraphRow(summary)];
  return [
    factsRow(view.affectedServices.map(({ name, url }) => ({ label: 'Service', value: name, href: url }))),
  ];
}

function coverageGapText(view: CoverageGapEmailView, explanation: string): string {
  const summary = servicesSummary(view);
  const services = summary ? [summary] : view.affectedServices.map(({ name }) => `- ${oneLine(name)}`);
  const lines = [
    explanation,
    '',
    `Schedule: ${oneLine(view.schedule.name)} ${view.schedule.url}`,
    `Nobody on call: ${gapWindow(view)}`,
    '',
    'Services affected:',
    ...services,
    '',
    'Add an override or change a layer to close the gap before it starts.',
  ];
  return `${lines.join('\n')}\n`;
}
