import type { Severity } from '@oncall/incident-domain';
import { INCIDENT_SEVERITIES } from '@oncall/incident-domain';
import { automatedEmail } from './automated-email';
import { boundedTitle, formatInstant, oneLine, safeHref, SEVERITY_COLORS } from './email-format';
import { bannerRow, buttonsRow, escapeHtml, footnoteRow, paragraphRow } from './email-html';
import { plainSubject } from './email-subject';
import type { DigestEmailEntry, DigestEmailView, RenderedEmail } from './email.types';

const INTRO =
  'You were paged many times within a minute, so the pages that followed were bundled into this email. ' +
  'Every incident is listed; none was dropped.';

/** The email that stands for the pages held during a storm: every incident, one line each. */
export function renderDigestEmail(unbounded: DigestEmailView): RenderedEmail {
  const view = {
    ...unbounded,
    entries: unbounded.entries.map((entry) => ({
      ...entry,
      title: boundedTitle(entry.title),
    })),
  };
  const severity = mostSevere(view.entries);
  const counts = `${plural(view.entries.length, 'incident')} (${plural(view.pageCount, 'page')})`;
  const rows = [
    bannerRow(`Digest · ${severity}`, SEVERITY_COLORS[severity], `${counts} while you were on call`),
    paragraphRow(INTRO),
    entriesRow(view),
    buttonsRow([{ label: 'Open the incident list', href: view.links.incidents, color: '#1d4ed8' }]),
    footnoteRow('Acknowledge links act for you only, work once and expire.'),
  ];
  return automatedEmail({
    subject: plainSubject(`[${severity.toUpperCase()}] On-Call digest: ${counts}`),
    text: digestText(view, counts),
    title: `On-Call digest: ${counts}`,
    preheader: INTRO,
    rows,
  });
}

function entriesRow(view: DigestEmailView): string {
  const rows = view.entries.map((entry) => {
    const href = safeHref(entry.url);
    const title = escapeHtml(entry.title);
    const titleHtml = href ? `<a href="${escapeHtml(href)}" style="color:#111827;">${title}</a>` : title;
    const acknowledge = safeHref(entry.acknowledgeUrl);
    const acknowledgeHtml = acknowledge
      ? ` · <a href="${escapeHtml(acknowledge)}" style="color:#15803d;font-weight:bold;">Acknowledge</a>`
      : '';
    return (
      `<tr><td valign="top" style="padding:6px 12px 6px 0;font-family:Arial,sans-serif;font-size:11px;font-weight:bold;` +
      `color:${SEVERITY_COLORS[entry.severity]};white-space:nowrap;">${escapeHtml(entry.severity.toUpperCase())}</td>` +
      `<td style="padding:6px 0;font-family:Arial,sans-serif;font-size:14px;line-height:20px;color:#111827;">${titleHtml}` +
      `<br><span style="font-size:12px;color:#6b7280;">${escapeHtml(entryFacts(entry, view.timeZone))}</span>` +
      `${acknowledgeHtml}</td></tr>`
    );
  });
  return `<tr><td style="padding:4px 24px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%">${rows.join('')}</table></td></tr>`;
}

function digestText(view: DigestEmailView, counts: string): string {
  const entries = view.entries.flatMap((entry) => [
    `[${entry.severity.toUpperCase()}] ${oneLine(entry.title)}`,
    `  ${entryFacts(entry, view.timeZone)}`,
    `  ${entry.url}`,
    ...(entry.acknowledgeUrl ? [`  Acknowledge: ${entry.acknowledgeUrl}`] : []),
  ]);
  const lines = [
    `On-Call digest: ${counts}`,
    '',
    INTRO,
    '',
    ...entries,
    '',
    `All incidents: ${view.links.incidents}`,
  ];
  return `${lines.join('\n')}\n`;
}

function entryFacts(entry: DigestEmailEntry, timeZone: string | undefined): string {
  const parts = [entry.serviceName, entry.clientName ?? '', formatInstant(entry.firstHeldAt, timeZone)];
  const facts = parts.map(oneLine).filter((part) => part.length > 0);
  return entry.pageCount > 1 ? [...facts, plural(entry.pageCount, 'page')].join(' · ') : facts.join(' · ');
}

function mostSevere(entries: readonly DigestEmailEntry[]): Severity {
  const ranks = entries.map((entry) => INCIDENT_SEVERITIES.indexOf(entry.severity));
  return INCIDENT_SEVERITIES[Math.min(...ranks, INCIDENT_SEVERITIES.length - 1)];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
