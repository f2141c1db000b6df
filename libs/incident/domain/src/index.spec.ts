import * as api from './index';

describe('@oncall/incident-domain public API', () => {
  it('exports the decider, the type lists and the errors, and nothing from the test fixtures', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ACTION_CHANNELS',
        'ACTIVITY_SOURCES',
        'ID_MAX_LENGTH',
        'INCIDENT_COMMAND_TYPES',
        'INCIDENT_ERROR_CODES',
        'INCIDENT_EVENT_SCHEMA_VERSIONS',
        'INCIDENT_EVENT_TYPES',
        'INCIDENT_PRIORITIES',
        'INCIDENT_SEVERITIES',
        'INCIDENT_STATE_VERSION',
        'INCIDENT_URGENCIES',
        'IncidentAlreadyExistsError',
        'IncidentDomainError',
        'IncidentNotFoundError',
        'IncidentResolvedError',
        'IncidentValidationError',
        'InvalidTransitionError',
        'KNOWN_SYSTEM_REASONS',
        'MergeIntoResolvedError',
        'NOTE_MAX_LENGTH',
        'SNOOZE_MAX_SECONDS',
        'SNOOZE_MIN_SECONDS',
        'StaleEscalationError',
        'TITLE_MAX_LENGTH',
        'TicketAlreadyLinkedError',
        'STEP_FIRED_ACTIVITY',
        'UNANSWERED_ACTIVITY',
        'alertOccurrences',
        'decide',
        'evolve',
        'foldIncident',
        'incidentDecider',
        'initialIncidentState',
        'isIncidentDomainError',
        'isSnoozed',
        'isStorableText',
        'isText',
        'sameAlertKey',
      ].sort(),
    );
  });

  it('lists every event type at schema version 1 and every command type once', () => {
    expect(api.INCIDENT_EVENT_TYPES).toHaveLength(15);
    expect(new Set(Object.values(api.INCIDENT_EVENT_SCHEMA_VERSIONS))).toEqual(new Set([1]));
    expect(new Set(api.INCIDENT_COMMAND_TYPES).size).toBe(17);
  });

  it('the decider value folds and decides like the functions', () => {
    const { decide, evolve, initialState } = api.incidentDecider;
    expect(initialState()).toEqual({ status: 'none' });
    expect(decide).toBe(api.decide);
    expect(evolve).toBe(api.evolve);
  });
});
