import type { IncidentCommand } from '../incident.commands';
import type { IncidentEventOf, IncidentEventType } from '../incident.events';
import { INCIDENT_EVENT_SCHEMA_VERSIONS } from '../incident.events';
import { IncidentNotFoundError, IncidentValidationError } from '../incident.errors';
import type { ExistingIncident, IncidentState } from '../incident.state';
import type { Actor } from '../incident.types';

/**
 * The incident the command is for. Another organization's incident answers "not found", so a
 * command can never learn that an id exists elsewhere.
 */
export function requireIncident(state: IncidentState, command: IncidentCommand): ExistingIncident {
  const { incidentId, orgId } = command.data;
  if (state.status === 'none' || state.orgId !== orgId) throw new IncidentNotFoundError(incidentId);
  if (state.incidentId !== incidentId) {
    // The handler loaded the wrong stream: a bug, not a user mistake.
    throw new IncidentValidationError(
      incidentId,
      'data.incidentId',
      `does not match stream ${state.incidentId}`,
    );
  }
  return state;
}

/** The `incidentId`, `by` and `at` every event records. */
export function stampOf(command: IncidentCommand): { incidentId: string; by: Actor; at: string } {
  return { incidentId: command.data.incidentId, by: command.by, at: command.at };
}

/** Timers and policies: when their moment has passed they change nothing rather than fail. */
export function isAutomatic(actor: Actor): boolean {
  return actor.kind === 'system';
}

export function sameActor(a: Actor | null, b: Actor): boolean {
  if (a === null || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'user':
      return b.kind === 'user' && a.userId === b.userId;
    case 'integration':
      return b.kind === 'integration' && a.integrationId === b.integrationId;
    case 'system':
      return b.kind === 'system' && a.reason === b.reason;
  }
}

export function newEvent<T extends IncidentEventType>(
  type: T,
  data: IncidentEventOf<T>['data'],
): IncidentEventOf<T> {
  // TypeScript cannot relate the generic `type` to its union member; the signature keeps callers exact.
  return { type, schemaVersion: INCIDENT_EVENT_SCHEMA_VERSIONS[type], data } as IncidentEventOf<T>;
}
