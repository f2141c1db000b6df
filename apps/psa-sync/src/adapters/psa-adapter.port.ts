import type { PsaCapabilities, PsaFailure, PsaTicketRef, TicketInput, TicketNote } from '@oncall/psa-domain';

export interface PsaCallOptions {
  /** Sent as `Idempotency-Key` where the PSA honours one; stable across retries of the same request. */
  idempotencyKey: string;
}

/**
 * The boundary every PSA stands behind (ADR 0160). Ours speaks docs/psa/psa-api.openapi.yaml; a ConnectWise
 * Manage, Autotask or HaloPSA adapter implements the same methods with that PSA's API and says what it
 * cannot do in `capabilities`. Every failure is a PsaCallError that says whether retrying can help.
 */
export interface PsaAdapter {
  /** Names the PSA on the incident's ticket (`TicketRef.provider`). */
  readonly provider: string;
  readonly capabilities: PsaCapabilities;
  createTicket(input: TicketInput, options: PsaCallOptions): Promise<PsaTicketRef>;
  /** The ticket carrying this external id, if the PSA has one (used after an unknown outcome). */
  findByExternalId(externalId: string): Promise<PsaTicketRef | null>;
  addNote(ticket: PsaTicketRef, note: TicketNote, options: PsaCallOptions): Promise<void>;
  /** Closing a closed ticket is not an error. */
  closeTicket(ticket: PsaTicketRef, options: PsaCallOptions): Promise<void>;
  setStatus(ticket: PsaTicketRef, status: string, options: PsaCallOptions): Promise<void>;
}

export class PsaCallError extends Error {
  constructor(readonly failure: PsaFailure) {
    super(failure.message);
    this.name = 'PsaCallError';
  }
}

/** The PSA this deployment talks to; `adapter` is null when PSA_API_URL is unset (the feature is off). */
export class PsaConnection {
  constructor(readonly adapter: PsaAdapter | null) {}

  get configured(): boolean {
    return this.adapter !== null;
  }
}
