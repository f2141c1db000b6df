import type { MessageEnvelope } from '../messaging/envelope';

export const SEVERITIES = ['critical', 'high', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export const INTEGRATION_TYPES = [
  'generic',
  'pagerduty',
  'alertmanager',
  'rmm',
  'defend',
  'security',
  'backups',
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

/** Defend (EDR) facts kept on an alert and shown wherever it is: the SPA, emails, Slack. */
export interface DefendFacts {
  device: { name: string; id?: string; os?: string; ip?: string };
  threat?: { name: string; category?: string };
  mitre: { techniqueId: string; technique?: string; tacticId?: string; tactic?: string }[];
  recommendedAction?: string;
  consoleUrl?: string;
}

export interface AlertLink {
  href: string;
  text?: string;
}

export interface AlertImage {
  src: string;
  href?: string;
  alt?: string;
}

/**
 * `page`: correlated (opens, joins or acts on an incident). `record`: kept and shown, opening and changing
 * no incident (ADR 0170). Absent on messages published before it existed: `page`.
 */
export type AlertDisposition = 'page' | 'record';

/** `change`: a change event (PagerDuty `/v2/change/enqueue`), shown, never paging. Absent: `alert`. */
export type AlertKind = 'alert' | 'change';

/**
 * The one shape every source is mapped to by the gateway (specs/ingestion-formats.md).
 * `alertId` is unique per received alert and doubles as the event id of AlertReceived.
 */
export interface CanonicalAlert {
  alertId: string;
  orgId: string;
  integrationId: string;
  serviceId: string;
  origin: IntegrationType;
  action: AlertAction;
  dedupKey: string;
  groupKey?: string;
  summary: string;
  details?: Record<string, unknown>;
  severity: Severity;
  /** The severity as the source sent it, kept when it had to be mapped. */
  sourceSeverity?: string;
  source?: string;
  component?: string;
  group?: string;
  class?: string;
  client?: string;
  device?: string;
  labels: Record<string, string>;
  links: AlertLink[];
  /** Defend detections: device, MITRE techniques and the recommended action. */
  defend?: DefendFacts;
  occurredAt: string;
  receivedAt: string;
  // What the intake mappers add (ADR 0170, 0172); optional so messages already in the stream still read.
  kind?: AlertKind;
  disposition?: AlertDisposition;
  /** Why a trigger is recorded rather than paged, in words a technician understands. */
  recordReason?: string;
  /** An urgency the source demands whatever the service's urgency rule says (Defend critical/high). */
  urgency?: 'high';
  /** Opens its own incident even when the service groups alerts. */
  bypassGrouping?: boolean;
  /** The integration's name when the alert was received: reports count volume by source type and name. */
  integrationName?: string;
  clientName?: string;
  images?: AlertImage[];
  /** When the source says the condition ended (Alertmanager's resolved `endsAt`). */
  endsAt?: string;
  /**
   * What the sender posted, as parsed JSON: the body, or for a webhook batch the body with only this
   * alert's element in `alerts`. Kept in the alert history (ADR 0174), never shown in pages.
   */
  raw?: unknown;
}

export const AlertEventTypes = { received: 'AlertReceived' } as const;
export const ALERT_RECEIVED_SCHEMA_VERSION = 1;

export type AlertReceivedEnvelope = MessageEnvelope<typeof AlertEventTypes.received, CanonicalAlert>;

/** The alert as it goes on the alert stream: its alert id is the event id, its receipt the event's time. */
export function alertReceivedEnvelope(alert: CanonicalAlert, correlationId: string): AlertReceivedEnvelope {
  return {
    type: AlertEventTypes.received,
    data: alert,
    metadata: {
      eventId: alert.alertId,
      orgId: alert.orgId,
      correlationId,
      causationId: null,
      occurredAt: alert.receivedAt,
      schemaVersion: ALERT_RECEIVED_SCHEMA_VERSION,
    },
  };
}
