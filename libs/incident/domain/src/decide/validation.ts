import { isStorableText, isText } from '@oncall/shared-text';
import type { IncidentCommand } from '../incident.commands';
import { IncidentValidationError } from '../incident.errors';
import type { ActionChannel, Actor, AlertInput, Instant } from '../incident.types';
import {
  ACTION_CHANNELS,
  INCIDENT_PRIORITIES,
  INCIDENT_SEVERITIES,
  INCIDENT_URGENCIES,
} from '../incident.types';

export { isStorableText, isText };

export const ID_MAX_LENGTH = 200;
export const TITLE_MAX_LENGTH = 1024;
export const NOTE_MAX_LENGTH = 10_000;
export const SNOOZE_MIN_SECONDS = 60;
export const SNOOZE_MAX_SECONDS = 7 * 24 * 3600;

export const severityProblem = `must be one of ${INCIDENT_SEVERITIES.join(', ')}`;
export const urgencyProblem = `must be one of ${INCIDENT_URGENCIES.join(', ')}`;
export const priorityProblem = `must be one of ${INCIDENT_PRIORITIES.join(', ')} or null`;

// UTC only ('Z'): events are compared and stored as UTC instants.
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Throws a VALIDATION error naming `field`; `incidentId` is only used in the message. */
export type Check = (ok: boolean, field: string, problem: string) => void;

export function checkerFor(incidentId: string): Check {
  return (ok, field, problem) => {
    if (!ok) throw new IncidentValidationError(incidentId, field, problem);
  };
}

export function isUtcInstant(value: unknown): value is Instant {
  return typeof value === 'string' && UTC_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

export function sameInstant(a: Instant, b: Instant): boolean {
  return Date.parse(a) === Date.parse(b);
}

/** What `isText` asks for, as the end of a refusal's sentence. */
export function textProblem(maxLength: number): string {
  return `non-empty text of at most ${maxLength} characters, without NUL or unpaired surrogates`;
}

export function isId(value: unknown): value is string {
  return isText(value, ID_MAX_LENGTH);
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function isLevel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function isActor(actor: Actor | undefined): boolean {
  switch (actor?.kind) {
    case 'user':
      return isId(actor.userId);
    case 'integration':
      return isId(actor.integrationId);
    case 'system':
      return isId(actor.reason);
    default:
      return false;
  }
}

/** What every command needs before any rule looks at it. */
export function validateEnvelope(command: IncidentCommand): void {
  const check = checkerFor(typeof command.data?.incidentId === 'string' ? command.data.incidentId : '');
  check(isId(command.data?.incidentId), 'data.incidentId', 'must be a non-empty id');
  check(isId(command.data.orgId), 'data.orgId', 'must be a non-empty id');
  check(isActor(command.by), 'by', 'must name a user, an integration or a system rule');
  check(isUtcInstant(command.at), 'at', 'must be an ISO-8601 UTC instant like 2024-05-01T02:00:00Z');
}

export function validateAlert(check: Check, alert: AlertInput | undefined, field = 'data.alert'): void {
  check(isId(alert?.alertId), `${field}.alertId`, 'must be a non-empty id');
  check(
    isText(alert?.dedupKey, TITLE_MAX_LENGTH),
    `${field}.dedupKey`,
    `must be ${textProblem(TITLE_MAX_LENGTH)}`,
  );
  check(
    isText(alert?.summary, TITLE_MAX_LENGTH),
    `${field}.summary`,
    `must be ${textProblem(TITLE_MAX_LENGTH)}`,
  );
  check(isOneOf(INCIDENT_SEVERITIES, alert?.severity), `${field}.severity`, severityProblem);
  check(
    alert?.integrationId === undefined || isId(alert.integrationId),
    `${field}.integrationId`,
    'must be a non-empty id',
  );
  check(
    alert?.sequence === undefined || (Number.isSafeInteger(alert.sequence) && alert.sequence > 0),
    `${field}.sequence`,
    'must be a positive whole number',
  );
  check(
    isBoundedContext(alert?.context),
    `${field}.context`,
    'must be an object of at most 300,000 characters as JSON',
  );
}

const CONTEXT_MAX_JSON = 300_000;

function isBoundedContext(context: unknown): boolean {
  if (context === undefined) return true;
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return false;
  return JSON.stringify(context).length <= CONTEXT_MAX_JSON;
}

export function isPriorityOrNull(value: unknown): boolean {
  return value === null || isOneOf(INCIDENT_PRIORITIES, value);
}

/** The optional `via` of acknowledge and resolve: absent, or one of the known channels. */
export function checkVia(check: Check, via: unknown): via is ActionChannel | undefined {
  check(
    via === undefined || isOneOf(ACTION_CHANNELS, via),
    'data.via',
    `must be one of ${ACTION_CHANNELS.join(', ')}`,
  );
  return true;
}

/** `{ via }` when the command named a channel, else nothing: events without it stay as they were. */
export function viaOf(via: ActionChannel | undefined): { via?: ActionChannel } {
  return via === undefined ? {} : { via };
}
