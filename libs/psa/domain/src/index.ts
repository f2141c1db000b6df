export * from './psa.types';
export { createIdempotencyKey, externalIdOf, operationIdempotencyKey } from './external-ids';
export { classifyPsaFailure, type PsaCallFacts } from './psa-failure.classifier';
export { PSA_RETRY_CEILINGS_MS, retryDelayMs } from './retry-schedule';
export {
  boardFor,
  checkPsaSettings,
  DEFAULT_PSA_SETTINGS,
  priorityFor,
  type OnResolve,
  type PsaSettings,
  type PsaSettingsCheck,
  type SettingsProblem,
} from './psa-settings';
export { buildTicketInput, TICKET_TITLE_MAX, type TicketFacts, type TicketInput } from './ticket-input';
export {
  duration,
  noteOf,
  resolutionNoteOf,
  type NoteFacts,
  type ResolutionFacts,
  type ResolutionReason,
  type TicketNote,
} from './ticket-notes';
export {
  afterOutcome,
  nextStep,
  type CallOutcome,
  type Lane,
  type LaneDecision,
  type LaneLink,
  type LaneOperation,
  type LaneStep,
  type LinkState,
  type OperationKind,
} from './ticket-lane.decider';
