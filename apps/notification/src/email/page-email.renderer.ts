import { boundAlertDetails } from './alert-details';
import { defendDetectionHtml, defendDetectionText } from './defend-detection.section';
import { automatedEmail } from './automated-email';
import {
  boundedSummary,
  boundedTitle,
  formatInstant,
  oneLine,
  safeHref,
  SEVERITY_COLORS,
} from './email-format';
import { bannerRow, buttonsRow, factsRow, footnoteRow, headingRow, paragraphRow } from './email-html';
import { incidentSubject } from './email-subject';
import type { PageEmailView, RenderedEmail } from './email.types';

const ACKNOWLEDGE_COLOR = '#15803d';
const RESOLVE_COLOR = '#374151';
const OPEN_COLOR = '#1d4ed8';

/** The email that pages a person: what broke, where, for whom, and one-click links to act. */
export function renderPageEmail(unbounded: PageEmailView): RenderedEmail {
  const view = boundedView(unbounded);
  const { incident, alert } = view;
  return automatedEmail({
    subject: incidentSubject(incident.severity, [incident.serviceName, incident.clientName, alert.summary]),
    text: pageText(view),
    title: incident.title,
    preheader: alert.summary,
    rows: pageHtmlRows(view),
    headers: pageHeaders(view),
  });
}

/** High urgency is marked important, so mail rules on a phone can let it ring through. */
export function pageHeaders({ incident }: PageEmailView): Record<string, string> {
  const headers = { 'X-OnCall-Incident-Id': oneLine(incident.id) };
  return incident.urgency === 'high'
    ? { ...headers, Importance: 'high', 'X-Priority': '1 (Highest)' }
    : headers;
}

function boundedView(view: PageEmailView): PageEmailView {
  const title = boundedTitle(view.incident.title);
  const summary = boundedSummary(view.alert.summary);
  return { ...view, incident: { ...view.incident, title }, alert: { ...view.alert, summary } };
}

function incidentFacts(view: PageEmailView): { label: string; value: string; href?: string }[] {
  const { incident, alert, ticket } = view;
  const facts = [
    { label: 'Service', value: incident.serviceName },
    ...(incident.clientName ? [{ label: 'Client', value: incident.clientName }] : []),
    { label: 'Triggered', value: formatInstant(incident.triggeredAt, view.timeZone) },
    { label: 'Status', value: `${incident.status}, ${incident.urgency} urgency` },
    { label: 'Source', value: alert.source },
    ...(alert.device ? [{ label: 'Device', value: alert.device }] : []),
  ];
  return ticket ? [...facts, { label: 'PSA ticket', value: `#${ticket.id}`, href: ticket.url }] : facts;
}

function actionButtons(view: PageEmailView): { label: string; href: string; color: string }[] {
  const { status } = view.incident;
  return [
    ...(status === 'triggered'
      ? [{ label: 'Acknowledge', href: view.links.acknowledge, color: ACKNOWLEDGE_COLOR }]
      : []),
    ...(status !== 'resolved' ? [{ label: 'Resolve', href: view.links.resolve, color: RESOLVE_COLOR }] : []),
    { label: 'Open incident', href: view.links.incident, color: OPEN_COLOR },
  ];
}

function pageHtmlRows(view: PageEmailView): string[] {
  const { incident, alert } = view;
  const details = boundAlertDetails(alert.details);
  return [
    bannerRow(
      `${incident.severity} · ${incident.urgency} urgency`,
      SEVERITY_COLORS[incident.severity],
      incident.title,
      incident.url,
    ),
    ...(oneLine(alert.summary) !== oneLine(incident.title) ? [paragraphRow(alert.summary)] : []),
    buttonsRow(actionButtons(view)),
    factsRow(incidentFacts(view)),
    ...(alert.defend ? defendDetectionHtml(alert.defend) : []),
    ...(details.length > 0
      ? [headingRow('Alert details'), factsRow(details.map(({ key, value }) => ({ label: key, value })))]
      : []),
    footnoteRow(
      'The Acknowledge and Resolve links act for you only, work once and expire. Opening one asks you to confirm.',
    ),
  ];
}

function pageText(view: PageEmailView): string {
  const { incident, alert, links } = view;
  const details = boundAlertDetails(alert.details);
  const lines = [
    `[${incident.severity.toUpperCase()}] ${oneLine(incident.title)}`,
    oneLine(alert.summary),
    '',
    ...incidentFacts(view).map(({ label, value, href }) =>
      `${label}: ${oneLine(value)} ${safeHref(href) ?? ''}`.trimEnd(),
    ),
    '',
    ...(incident.status === 'triggered' ? [`Acknowledge: ${links.acknowledge}`] : []),
    ...(incident.status !== 'resolved' ? [`Resolve: ${links.resolve}`] : []),
    `Open incident: ${links.incident}`,
    ...(alert.defend ? ['', ...defendDetectionText(alert.defend)] : []),
    ...(details.length > 0
      ? ['', 'Alert details', ...details.map(({ key, value }) => `  ${key}: ${value}`)]
      : []),
    '',
    'The Acknowledge and Resolve links act for you only, work once and expire.',
  ];
  return `${lines.join('\n')}\n`;
}
