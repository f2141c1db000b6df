// The mappers' output. A domain library imports no contracts, so these shapes repeat CanonicalAlert's
// (libs/contracts/src/alerts/canonical-alert.ts) and add what intake needs (ADR 0170): `kind`,
// `disposition`, `recordReason`, `urgency`, `bypassGrouping`, `images`, `clientName`, `integrationName`,
// `endsAt`.

export const SEVERITIES = ['critical', 'high', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export type IntegrationType =
  'generic' | 'pagerduty' | 'alertmanager' | 'rmm' | 'defend' | 'security' | 'backups';

/**
 * `page`: the alert goes through correlation (opens, joins or acts on an incident; escalation pages).
 * `record`: kept in the alert history and shown, opens and changes no incident. Mappers only ever record
 * triggers; an acknowledge or resolve always acts.
 */
export type Disposition = 'page' | 'record';

/** `change`: a change event (a deploy, a rotated secret), shown on the service's timeline, never paging. */
export type AlertKind = 'alert' | 'change';

export interface AlertLink {
  href: string;
  text?: string;
}

export interface AlertImage {
  src: string;
  href?: string;
  alt?: string;
}

export interface DefendFacts {
  device: { name: string; id?: string; os?: string; ip?: string };
  threat?: { name: string; category?: string };
  mitre: { techniqueId: string; technique?: string; tacticId?: string; tactic?: string }[];
  recommendedAction?: string;
  consoleUrl?: string;
}

/** The integration a body arrived on, as the gateway's local copy knows it. */
export interface IntegrationRef {
  orgId: string;
  integrationId: string;
  serviceId: string;
  type: IntegrationType;
  name: string;
}

/** What only the gateway knows: when the body arrived and the ids of the alerts it yields. */
export interface ReceptionFacts {
  receivedAt: string;
  /** The id of the alert made from element `index` of the body (0 for a single event). */
  alertId: (index: number) => string;
}

export interface MappedAlert {
  alertId: string;
  orgId: string;
  integrationId: string;
  integrationName: string;
  serviceId: string;
  origin: IntegrationType;
  kind: AlertKind;
  action: AlertAction;
  disposition: Disposition;
  /** Why a trigger is recorded rather than paged, in words a technician understands. */
  recordReason?: string;
  dedupKey: string;
  groupKey?: string;
  summary: string;
  details?: Record<string, unknown>;
  severity: Severity;
  /** The severity as the source sent it, when it differs from `severity`. */
  sourceSeverity?: string;
  /** An urgency the source demands whatever the service's urgency rule says (Defend critical/high). */
  urgency?: 'high';
  /** Opens its own incident even when the service groups alerts (Defend critical/high). */
  bypassGrouping?: boolean;
  source?: string;
  component?: string;
  group?: string;
  class?: string;
  /** The MSP's customer as the sending tool identifies it (its id there); routing maps it to our client. */
  client?: string;
  clientName?: string;
  device?: string;
  labels: Record<string, string>;
  links: AlertLink[];
  images: AlertImage[];
  defend?: DefendFacts;
  occurredAt: string;
  endsAt?: string;
  receivedAt: string;
}

/** A refused event or element: `field` named the way the API names fields (`alerts.3.labels.severity`). */
export interface Rejection {
  /** The element of a batch (`alerts[index]`); absent when the whole body is refused. */
  index?: number;
  field: string;
  message: string;
}

export interface MappingResult {
  alerts: MappedAlert[];
  rejected: Rejection[];
}

/** Reads one payload format: the alerts it carries and what it refuses. */
export type PayloadMapper = (
  body: unknown,
  integration: IntegrationRef,
  facts: ReceptionFacts,
) => MappingResult;
