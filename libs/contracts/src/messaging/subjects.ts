/**
 * Every NATS subject, stream and durable consumer name of the platform, grouped one way: `Commands.<context>`
 * and `Queries.<context>` (ADR 0193).
 * Events: `oncall.evt.<context>.<event>.v<version>`; commands (request/reply): `oncall.cmd.<context>.<action>`;
 * queries (request/reply): `oncall.qry.<context>.<query>`. Nothing else may invent a subject string.
 */
export const Subjects = {
  alertReceived: 'oncall.evt.ingest.alert-received.v1',
  incidentEvents: 'oncall.evt.incident.>',
  deadLetters: 'oncall.dlq',
} as const;

/** Subject an incident event is published on, e.g. IncidentTriggered v1 → oncall.evt.incident.incident-triggered.v1. */
export function incidentEventSubject(eventType: string, schemaVersion: number): string {
  return `oncall.evt.incident.${toKebabCase(eventType)}.v${schemaVersion}`;
}

/** Subject a directory change is published on, e.g. ClientCreated → oncall.evt.directory.client-created.v1. */
export function directoryEventSubject(eventType: string): string {
  return `oncall.evt.directory.${toKebabCase(eventType)}.v1`;
}

/** Subject of the dead-letter copy of a message a consumer gave up on. */
export function deadLetterSubject(stream: string, durable: string): string {
  return `${Subjects.deadLetters}.${stream}.${durable}`;
}

export const Commands = {
  incident: {
    /** One subject per incident command type, e.g. oncall.cmd.incident.acknowledge-incident. */
    execute: (commandType: string) => `oncall.cmd.incident.${toKebabCase(commandType)}`,
    all: 'oncall.cmd.incident.*',
    /** Merging spans several incidents; incident-state orchestrates it (not one decider command). */
    merge: 'oncall.cmd.incident-merge.merge-incidents',
    /**
     * The correlator's TriggerIncident and RecordAlertRepeats commands, many in one request, appended in one
     * statement (ADR 0159, 0229).
     */
    triggerBatch: 'oncall.cmd.incident-batch.trigger-incidents',
  },
  scheduling: {
    createSchedule: 'oncall.cmd.scheduling.create-schedule',
    updateSchedule: 'oncall.cmd.scheduling.update-schedule',
    deleteSchedule: 'oncall.cmd.scheduling.delete-schedule',
    createOverride: 'oncall.cmd.scheduling.create-override',
    deleteOverride: 'oncall.cmd.scheduling.delete-override',
    rotateCalendarToken: 'oncall.cmd.scheduling.rotate-calendar-token',
  },
  escalation: {
    createPolicy: 'oncall.cmd.escalation.create-policy',
    updatePolicy: 'oncall.cmd.escalation.update-policy',
    deletePolicy: 'oncall.cmd.escalation.delete-policy',
  },
  /** psa-sync answers these. */
  psa: {
    /** A person asks for the incident's ticket (POST /api/v1/incidents/{id}/ticket). */
    requestTicket: 'oncall.cmd.psa.request-ticket',
    replaceSettings: 'oncall.cmd.psa.replace-settings',
  },
  /**
   * Requests admin-api makes of notification (which owns contact methods, notification rules and the
   * single use of one-click links). The organization travels in the request context, from the caller's token;
   * `userId` is a person admin-api has checked is of that organization and that the caller may manage.
   */
  notification: {
    createContactMethod: 'oncall.cmd.notification.create-contact-method',
    updateContactMethod: 'oncall.cmd.notification.update-contact-method',
    deleteContactMethod: 'oncall.cmd.notification.delete-contact-method',
    sendVerification: 'oncall.cmd.notification.send-contact-verification',
    /** From the public confirmation page: the token is the credential (context orgId null). */
    confirmContactMethod: 'oncall.cmd.notification.confirm-contact-method',
    replaceRules: 'oncall.cmd.notification.replace-notification-rules',
    /** Checks a one-click link and records its single use (context orgId null: the token names it). */
    redeemActionLink: 'oncall.cmd.notification.redeem-action-link',
    /** Gives a redeemed link back when the action could not be carried out (the person may try again). */
    releaseActionLink: 'oncall.cmd.notification.release-action-link',
  },
} as const;

export const Queries = {
  incident: {
    list: 'oncall.qry.incident.list',
    get: 'oncall.qry.incident.get',
    /** Pages of one incident's alerts, notes and timeline (IncidentPageQuery). */
    alerts: 'oncall.qry.incident.alerts',
    notes: 'oncall.qry.incident.notes',
    timeline: 'oncall.qry.incident.timeline',
  },
  escalation: {
    listPolicies: 'oncall.qry.escalation.list-policies',
    getPolicy: 'oncall.qry.escalation.get-policy',
    /** Which policies target each of the given schedules (for the on-call-now view and coverage gaps). */
    policiesBySchedule: 'oncall.qry.escalation.policies-by-schedule',
    /** One incident's escalation: its policy snapshot and where the walk stands (IncidentEscalationView). */
    incidentEscalation: 'oncall.qry.escalation.incident-escalation',
  },
  scheduling: {
    listSchedules: 'oncall.qry.scheduling.list-schedules',
    getSchedule: 'oncall.qry.scheduling.get-schedule',
    renderSchedule: 'oncall.qry.scheduling.render-schedule',
    listOverrides: 'oncall.qry.scheduling.list-overrides',
    /** Who is on call in one schedule at an instant; escalation asks this. */
    who: 'oncall.qry.scheduling.who',
    onCallNow: 'oncall.qry.scheduling.on-call-now',
    userShifts: 'oncall.qry.scheduling.user-shifts',
    calendarFeed: 'oncall.qry.scheduling.calendar-feed',
    coverageGaps: 'oncall.qry.scheduling.coverage-gaps',
  },
  /** dedup-grouping's alert history (ADR 0174): every alert correlated or recorded, kept 30 days. */
  alerts: {
    history: 'oncall.qry.dedup.alert-history',
  },
  directory: {
    serviceRouting: 'oncall.qry.directory.service-routing',
    /** Services whose escalation policy is one of the given ones. */
    servicesByPolicies: 'oncall.qry.directory.services-by-policies',
  },
  reporting: {
    /** Every figure of the incident dashboard for a window and filters (IncidentReportQuery). */
    incidents: 'oncall.qry.reporting.incidents',
    /** Incidents per local day or week (IncidentTrendQuery). */
    trend: 'oncall.qry.reporting.trend',
    /** On-call burden of the given people (BurdenQuery). */
    burden: 'oncall.qry.reporting.burden',
  },
  psa: {
    settings: 'oncall.qry.psa.settings',
  },
  notification: {
    listContactMethods: 'oncall.qry.notification.list-contact-methods',
    getRules: 'oncall.qry.notification.get-notification-rules',
    /** What a one-click link would do, without using it (the confirmation page shows it). */
    inspectActionLink: 'oncall.qry.notification.inspect-action-link',
  },
} as const;

export interface StreamDefinition {
  name: string;
  subjects: string[];
  /** How long messages are kept; alerts and incident events must outlive any consumer outage. */
  maxAgeMs: number;
  /** Window in which JetStream drops a second publish with the same Nats-Msg-Id. */
  duplicateWindowMs: number;
  /** Messages kept per subject (the last ones); unlimited when absent. */
  maxMsgsPerSubject?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export const Streams = {
  alerts: {
    name: 'ONCALL_ALERTS',
    subjects: ['oncall.evt.ingest.>'],
    maxAgeMs: 7 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
  incidents: {
    name: 'ONCALL_INCIDENTS',
    subjects: ['oncall.evt.incident.>'],
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
  escalation: {
    name: 'ONCALL_ESCALATION',
    subjects: ['oncall.evt.escalation.>'],
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
  notification: {
    name: 'ONCALL_NOTIFICATION',
    subjects: ['oncall.evt.notification.>'],
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
  /** What psa-sync reports about tickets (facts for the incident timeline) and its configuration changes. */
  psa: {
    name: 'ONCALL_PSA',
    subjects: ['oncall.evt.psa.>'],
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
  scheduling: {
    name: 'ONCALL_SCHEDULING',
    subjects: ['oncall.evt.scheduling.>'],
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
  directory: {
    name: 'ONCALL_DIRECTORY',
    subjects: ['oncall.evt.directory.>'],
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
  /** Latest view of every resource other services keep a local copy of: one message per subject, kept forever. */
  state: {
    name: 'ONCALL_STATE',
    subjects: ['oncall.state.>'],
    maxAgeMs: 0,
    duplicateWindowMs: HOUR_MS,
    maxMsgsPerSubject: 1,
  },
  deadLetters: {
    name: 'ONCALL_DEAD_LETTERS',
    subjects: ['oncall.dlq.>'],
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: HOUR_MS,
  },
} as const satisfies Record<string, StreamDefinition>;

/** Scheduling events: configuration changes (audited by admin-api) and coverage gaps. */
export function schedulingEventSubject(eventType: string): string {
  return `oncall.evt.scheduling.${toKebabCase(eventType)}.v1`;
}

export const Consumers = {
  dedupAlerts: 'dedup-grouping-alerts',
  dedupIncidentsClosed: 'dedup-grouping-incident-resolved',
  schedulingDirectory: 'scheduling-directory',
  adminApiSchedulingAudit: 'admin-api-scheduling-audit',
  adminApiEscalationAudit: 'admin-api-escalation-audit',
  incidentStateEscalationActivity: 'incident-state-escalation-activity',
  incidentStateNotificationActivity: 'incident-state-notification-activity',
  incidentStatePsaActivity: 'incident-state-psa-activity',
  psaSyncIncidents: 'psa-sync-incidents',
  adminApiPsaAudit: 'admin-api-psa-audit',
  escalationIncidents: 'escalation-incidents',
  escalationIncidentCommands: 'escalation-incident-commands',
  reportingIncidents: 'reporting-incidents',
  reportingEscalation: 'reporting-escalation',
  reportingScheduling: 'reporting-scheduling',
} as const;

export function toKebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
