import { externalIdOf } from './external-ids';
import { boardFor, priorityFor, type PsaSettings } from './psa-settings';
import type { Instant, PsaPriority, Severity } from './psa.types';

export const TICKET_TITLE_MAX = 100;

/** What psa-sync knows of an incident when the ticket is made (its own copy, and the directory's). */
export interface TicketFacts {
  readonly orgId: string;
  readonly incidentId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly triggeredAt: Instant;
  readonly serviceId: string;
  readonly serviceName: string | null;
  readonly client: { readonly name: string; readonly psaExternalId: string | null } | null;
  readonly alert: {
    readonly summary: string;
    readonly source?: string | null;
    readonly device?: string | null;
  } | null;
  readonly acknowledged: { readonly at: Instant; readonly by: string | null } | null;
  /** Where a person opens the incident (PUBLIC_URL/incidents/<id>); null when the platform has no public URL. */
  readonly incidentUrl: string | null;
}

/** What every PSA adapter is asked to create (docs/psa/psa-api.openapi.yaml, `TicketInput`). */
export interface TicketInput {
  readonly externalId: string;
  /** The client's id in the PSA (ClientState.psaExternalId); null leaves the company to the PSA. */
  readonly company: string | null;
  readonly board: string | null;
  readonly priority: PsaPriority;
  readonly title: string;
  readonly description: string;
  readonly device: string | null;
}

export function buildTicketInput(facts: TicketFacts, settings: PsaSettings): TicketInput {
  return {
    externalId: externalIdOf(facts.orgId, facts.incidentId),
    company: facts.client?.psaExternalId ?? null,
    board: boardFor(settings, facts.serviceId),
    priority: priorityFor(settings, facts.severity),
    title: truncated(facts.title.trim() || 'On-Call incident', TICKET_TITLE_MAX),
    description: descriptionOf(facts),
    device: facts.alert?.device ?? null,
  };
}

function descriptionOf(facts: TicketFacts): string {
  const lines = [
    `On-Call incident: ${facts.title}`,
    '',
    `Service: ${facts.serviceName ?? facts.serviceId}`,
    facts.client ? `Client: ${facts.client.name}` : null,
    `Severity: ${facts.severity}`,
    `Triggered: ${facts.triggeredAt}`,
    facts.alert ? `Alert: ${facts.alert.summary}` : null,
    facts.alert?.source ? `Source: ${facts.alert.source}` : null,
    facts.alert?.device ? `Device: ${facts.alert.device}` : null,
    facts.acknowledged
      ? `Acknowledged: ${facts.acknowledged.at}${facts.acknowledged.by ? ` by ${facts.acknowledged.by}` : ''}`
      : null,
    facts.incidentUrl ? `\nOpen in On-Call: ${facts.incidentUrl}` : null,
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}

function truncated(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
