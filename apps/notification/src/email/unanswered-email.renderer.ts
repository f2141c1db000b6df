import { automatedEmail } from './automated-email';
import { boundedSummary, boundedTitle, formatInstant, oneLine, SEVERITY_COLORS } from './email-format';
import { bannerRow, buttonsRow, factsRow, footnoteRow, paragraphRow } from './email-html';
import { incidentSubject } from './email-subject';
import type { RenderedEmail, UnansweredEmailView } from './email.types';

/** Tells the organization's managers that an incident went through its whole policy unanswered. */
export function renderUnansweredEmail(unbounded: UnansweredEmailView): RenderedEmail {
  const view = {
    ...unbounded,
    incident: { ...unbounded.incident, title: boundedTitle(unbounded.incident.title) },
    alertSummary: boundedSummary(unbounded.alertSummary),
  };
  const { incident, escalation } = view;
  const times = escalation.cycles === 1 ? 'once' : `${escalation.cycles} times`;
  const policy =
    escalation.policyName === null
      ? 'its escalation policy'
      : `the escalation policy ${oneLine(escalation.policyName)}`;
  const explanation =
    `Nobody acknowledged this incident after ${policy} ` +
    `ran through all its steps ${times}. It is still triggered and pages nobody else.`;
  const rows = [
    bannerRow(
      `Unanswered · ${incident.severity}`,
      SEVERITY_COLORS[incident.severity],
      incident.title,
      incident.url,
    ),
    paragraphRow(explanation),
    buttonsRow(actionButtons(view)),
    factsRow(facts(view)),
    footnoteRow('You receive this as a manager of the organization.'),
  ];
  return automatedEmail({
    subject: incidentSubject(
      incident.severity,
      [incident.serviceName, incident.clientName, view.alertSummary],
      'UNANSWERED',
    ),
    text: unansweredText(view, explanation),
    title: `Unanswered: ${incident.title}`,
    preheader: explanation,
    rows,
    headers: { 'X-OnCall-Incident-Id': oneLine(incident.id), Importance: 'high' },
  });
}

function facts(view: UnansweredEmailView): { label: string; value: string }[] {
  const { incident, escalation } = view;
  return [
    { label: 'Summary', value: view.alertSummary },
    { label: 'Service', value: incident.serviceName },
    ...(incident.clientName ? [{ label: 'Client', value: incident.clientName }] : []),
    { label: 'Triggered', value: formatInstant(incident.triggeredAt, view.timeZone) },
    { label: 'Paged', value: escalation.pagedPeople.join(', ') || 'nobody (no one was on call)' },
    ...(escalation.policyName === null ? [] : [{ label: 'Escalation policy', value: escalation.policyName }]),
  ];
}

function actionButtons({ links }: UnansweredEmailView): { label: string; href: string; color: string }[] {
  return [
    ...(links.acknowledge ? [{ label: 'Acknowledge', href: links.acknowledge, color: '#15803d' }] : []),
    ...(links.resolve ? [{ label: 'Resolve', href: links.resolve, color: '#374151' }] : []),
    { label: 'Open incident', href: links.incident, color: '#1d4ed8' },
  ];
}

function unansweredText(view: UnansweredEmailView, explanation: string): string {
  const { incident, links } = view;
  const lines = [
    `[UNANSWERED] [${incident.severity.toUpperCase()}] ${oneLine(incident.title)}`,
    '',
    explanation,
    '',
    ...facts(view).map(({ label, value }) => `${label}: ${oneLine(value)}`),
    '',
    ...(links.acknowledge ? [`Acknowledge: ${links.acknowledge}`] : []),
    ...(links.resolve ? [`Resolve: ${links.resolve}`] : []),
    `Open incident: ${links.incident}`,
  ];
  return `${lines.join('\n')}\n`;
}
