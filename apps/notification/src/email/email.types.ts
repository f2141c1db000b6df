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

/** One incident of a digest, with its links (built by the service from the domain's DigestEntry). */
export interface DigestEmailEntry {
  readonly incidentId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly serviceName: string;
  readonly clientName?: string | null;
  readonly pageCount: number;
  readonly firstHeldAt: Instant;
  readonly url: string;
  readonly acknowledgeUrl?: string;
}

export interface DigestEmailView {
  /** Ordered as they are shown (the domain's digest orders them most severe first). */
  readonly entries: readonly DigestEmailEntry[];
  readonly pageCount: number;
  readonly links: { readonly incidents: string };
  readonly timeZone?: string;
}

/** A window of a schedule with nobody on call, told to a manager in their own time zone. */
export interface CoverageGapEmailView {
  readonly schedule: { readonly id: string; readonly name: string; readonly url: string };
  readonly gap: { readonly start: Instant; readonly end: Instant };
  readonly timeZone: string;
  readonly affectedServices: readonly { readonly name: string; readonly url?: string }[];
  /** False when the services could not be determined when the gap was found. */
  readonly affectedServicesKnown: boolean;
}

/** An incident nobody acknowledged after its policy ran every step of every cycle, told to managers. */
export interface UnansweredEmailView {
  readonly incident: IncidentEmailFacts;
  readonly alertSummary: string;
  readonly escalation: {
    /** Null when the page did not say (the escalation engine owns policies; notification has no copy). */
    readonly policyName: string | null;
    readonly cycles: number;
    readonly pagedPeople: readonly string[];
  };
  /** Acknowledge/resolve links signed for the manager receiving this email, when they may act. */
  readonly links: { readonly incident: string; readonly acknowledge?: string; readonly resolve?: string };
  readonly timeZone?: string;
}
