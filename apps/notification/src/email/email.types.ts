import type { IncidentStatus, Severity, Urgency } from '@oncall/incident-domain';

/** ISO-8601 UTC instant. */
export type Instant = string;

/** What a renderer produces; the sender adds from/to. Headers are fixed names with safe values. */
export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The incident as a page email shows it. */
export interface IncidentEmailFacts {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly urgency: Urgency;
  readonly status: Exclude<IncidentStatus, 'none'>;
  readonly serviceName: string;
  readonly clientName?: string;
  readonly triggeredAt: Instant;
  readonly url: string;
}

/** One line of alert details, already flattened (`disk.used` → `95%`); see `flattenAlertDetails`. */
export interface AlertDetail {
  readonly key: string;
  readonly value: string;
}

export interface MitreTechnique {
  readonly techniqueId: string;
  readonly technique: string;
  readonly tacticId?: string;
  readonly tactic: string;
}

/** What Defend (the EDR) adds to an alert. */
export interface DefendDetection {
  readonly device: string;
  readonly mitre: readonly MitreTechnique[];
  readonly recommendedAction: string;
}

export interface AlertEmailFacts {
  readonly summary: string;
  readonly source: string;
  readonly details: readonly AlertDetail[];
  readonly device?: string;
  readonly defend?: DefendDetection;
}

export interface PageEmailView {
  readonly incident: IncidentEmailFacts;
  readonly alert: AlertEmailFacts;
  /** Signed one-click links for this recipient, and the incident in the admin app. */
  readonly links: { readonly acknowledge: string; readonly resolve: string; readonly incident: string };
  readonly ticket?: { readonly id: string; readonly url?: string };
  /** The recipient's IANA time zone for the times shown; UTC when absent. */
  readonly timeZone?: string;
}
