/**
 * The incident commands as they travel on `Commands.incident.execute`, version 1 (ADR 0185). The wire has its
 * own types: incident-state maps them onto the domain's commands at its edge, so renaming a domain field does
 * not compile until the mapping says how the message format keeps (or versions) it.
 */
export const INCIDENT_COMMAND_WIRE_VERSION = 1;

type Instant = string;
type WireSeverity = 'critical' | 'high' | 'warning' | 'info';
type WireUrgency = 'high' | 'low';
type WirePriority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
type WireChannel = 'email' | 'slack' | 'web' | 'api';

export type WireActor =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'integration'; readonly integrationId: string }
  | { readonly kind: 'system'; readonly reason: string };

export interface WireAlertContext {
  readonly source?: string;
  readonly component?: string;
  readonly device?: string;
  readonly client?: string;
  readonly origin?: string;
  readonly integrationName?: string;
  readonly clientName?: string;
  readonly routingRuleId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly links?: readonly { readonly href: string; readonly text?: string }[];
  readonly defend?: Readonly<Record<string, unknown>>;
}

export interface WireAlert {
  readonly alertId: string;
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: WireSeverity;
  readonly integrationId?: string;
  readonly sequence?: number;
  readonly context?: WireAlertContext;
}

export interface WireIncidentAlert {
  readonly alertId: string;
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: WireSeverity;
  readonly receivedAt: Instant;
  readonly integrationId?: string;
  readonly repeatCount?: number;
  readonly lastSeenAt?: Instant;
  readonly lastAlertId?: string;
  readonly lastSequence?: number;
  readonly context?: WireAlertContext;
}

interface Target {
  readonly incidentId: string;
  readonly orgId: string;
}

interface WireCommand<Type extends string, Data extends Target> {
  readonly type: Type;
  readonly data: Data;
  readonly by: WireActor;
  readonly at: Instant;
}

interface Via {
  readonly via?: WireChannel;
}

export type IncidentCommandV1 =
  | WireCommand<
      'TriggerIncident',
      Target & {
        readonly serviceId: string;
        readonly escalationPolicyId: string | null;
        readonly title: string;
        readonly severity: WireSeverity;
        readonly urgency: WireUrgency;
        readonly priority?: WirePriority | null;
        readonly alert: WireAlert;
      }
    >
  | WireCommand<'AppendAlert', Target & { readonly alert: WireAlert }>
  | WireCommand<
      'RecordAlertRepeats',
      Target & {
        readonly dedupKey: string;
        readonly integrationId?: string;
        readonly sequences: readonly number[];
        readonly last: {
          readonly alertId: string;
          readonly summary: string;
          readonly severity: WireSeverity;
        };
      }
    >
  | WireCommand<'AcknowledgeIncident', Target & Via>
  | WireCommand<
      'UnacknowledgeIncident',
      Target &
        (
          | { readonly reason: 'ack-timeout'; readonly acknowledgedAt: Instant }
          | { readonly reason: 'handed-back' }
        )
    >
  | WireCommand<'ResolveIncident', Target & Via>
  | WireCommand<
      'ReassignIncident',
      Target & {
        readonly to:
          | { readonly kind: 'escalation-level'; readonly level: number }
          | { readonly kind: 'users'; readonly userIds: readonly string[] };
      }
    >
  | WireCommand<'EscalateIncident', Target & { readonly fromLevel: number; readonly toLevel: number }>
  | WireCommand<'AddNote', Target & { readonly noteId: string; readonly text: string }>
  | WireCommand<'SetIncidentPriority', Target & { readonly priority: WirePriority | null }>
  | WireCommand<'SetIncidentSeverity', Target & { readonly severity: WireSeverity }>
  | WireCommand<
      'LinkTicket',
      Target & { readonly provider: string; readonly ticketId: string; readonly url?: string | null }
    >
  | WireCommand<'SnoozeIncident', Target & { readonly durationSeconds: number }>
  | WireCommand<'EndSnooze', Target>
  | WireCommand<
      'AbsorbIncident',
      Target & {
        readonly source: {
          readonly incidentId: string;
          readonly orgId: string;
          readonly status: 'none' | 'triggered' | 'acknowledged' | 'resolved';
          readonly mergedInto: string | null;
          readonly alerts: readonly WireIncidentAlert[];
        };
      }
    >
  | WireCommand<'MergeIncidentInto', Target & { readonly targetIncidentId: string }>
  | WireCommand<
      'RecordActivity',
      Target & {
        readonly activityId: string;
        readonly source: 'escalation' | 'notification' | 'psa';
        readonly kind: string;
        readonly summary: string;
        readonly detail: Readonly<Record<string, unknown>>;
      }
    >;

export type IncidentCommandV1Type = IncidentCommandV1['type'];
export type IncidentCommandV1Of<T extends IncidentCommandV1Type> = Extract<IncidentCommandV1, { type: T }>;
