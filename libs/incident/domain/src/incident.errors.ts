/**
 * Stable codes the service layer maps to answers: NOT_FOUND -> 404, VALIDATION -> 400, every other
 * code -> 409 (the request conflicts with the incident's current state).
 */
export const INCIDENT_ERROR_CODES = [
  'INCIDENT_NOT_FOUND',
  'INCIDENT_ALREADY_EXISTS',
  'INCIDENT_RESOLVED',
  'INVALID_TRANSITION',
  'MERGE_INTO_RESOLVED',
  'TICKET_ALREADY_LINKED',
  'STALE_ESCALATION',
  'VALIDATION',
] as const;

export type IncidentErrorCode = (typeof INCIDENT_ERROR_CODES)[number];

/** Base of every refusal `decide` throws; `message` is written for the person who asked. */
export abstract class IncidentDomainError extends Error {
  abstract readonly code: IncidentErrorCode;

  protected constructor(
    /** The incident at fault (for a merge this may be the other incident). */
    readonly incidentId: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isIncidentDomainError(error: unknown): error is IncidentDomainError {
  return error instanceof IncidentDomainError;
}

export class IncidentNotFoundError extends IncidentDomainError {
  readonly code = 'INCIDENT_NOT_FOUND';
  constructor(incidentId: string) {
    super(incidentId, `Incident ${incidentId} was not found in this organization.`);
  }
}

export class IncidentAlreadyExistsError extends IncidentDomainError {
  readonly code = 'INCIDENT_ALREADY_EXISTS';
  constructor(incidentId: string, triggeringAlertId: string, alertId: string) {
    super(
      incidentId,
      `Incident ${incidentId} already exists (opened by alert ${triggeringAlertId}); ` +
        `append alert ${alertId} to it or trigger it under a new incident id.`,
    );
  }
}

export class IncidentResolvedError extends IncidentDomainError {
  readonly code = 'INCIDENT_RESOLVED';
  /** `cannot` completes "it cannot …", e.g. 'be acknowledged'; `hint` says what to do instead. */
  constructor(incidentId: string, cannot: string, hint = '') {
    super(
      incidentId,
      `Incident ${incidentId} is already resolved; it cannot ${cannot}.${hint ? ` ${hint}` : ''}`,
    );
  }
}

export class InvalidTransitionError extends IncidentDomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(incidentId: string, message: string) {
    super(incidentId, message);
  }
}

export class MergeIntoResolvedError extends IncidentDomainError {
  readonly code = 'MERGE_INTO_RESOLVED';
  constructor(targetIncidentId: string, sourceIncidentId: string) {
    super(
      targetIncidentId,
      `Incident ${sourceIncidentId} cannot be merged into incident ${targetIncidentId} because ` +
        `${targetIncidentId} is resolved; merge it into an open incident instead.`,
    );
  }
}

export class TicketAlreadyLinkedError extends IncidentDomainError {
  readonly code = 'TICKET_ALREADY_LINKED';
  constructor(incidentId: string, linked: string, requested: string) {
    super(
      incidentId,
      `Incident ${incidentId} is already linked to ticket ${linked}; it cannot also be linked to ${requested}. ` +
        `Unlink is not supported: close the duplicate ticket in the PSA.`,
    );
  }
}

export class StaleEscalationError extends IncidentDomainError {
  readonly code = 'STALE_ESCALATION';
  constructor(incidentId: string, fromLevel: number, currentLevel: number) {
    super(
      incidentId,
      `Incident ${incidentId} has moved to escalation level ${currentLevel} since you saw level ${fromLevel}; ` +
        `it was not escalated again. Refresh and escalate from level ${currentLevel} if still needed.`,
    );
  }
}

export class IncidentValidationError extends IncidentDomainError {
  readonly code = 'VALIDATION';
  /** `field` is the path in the command, e.g. 'data.text'. */
  constructor(
    incidentId: string,
    readonly field: string,
    problem: string,
  ) {
    super(incidentId, `Invalid ${field} for incident ${incidentId || '(no id)'}: ${problem}.`);
  }
}
