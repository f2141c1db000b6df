import type { Severity } from '@oncall/incident-domain';

/** ISO-8601 UTC instant. Always supplied by the caller, never read from a clock here. */
export type Instant = string;

/** The neutral priority every PSA adapter maps to its own (ConnectWise priority ids, Autotask priorities ...). */
export const PSA_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type PsaPriority = (typeof PSA_PRIORITIES)[number];

export type { Severity };

/** A ticket in the PSA; (`provider`, `ticketId`) identifies it. */
export interface PsaTicketRef {
  readonly provider: string;
  readonly ticketId: string;
  readonly url: string | null;
}

/**
 * What a PSA adapter can do. Without `findByExternalId` and `idempotencyKeys` a crash between the PSA's
 * answer and our record of it may leave a duplicate ticket: the adapter says so, the operator decides.
 */
export interface PsaCapabilities {
  readonly findByExternalId: boolean;
  readonly idempotencyKeys: boolean;
  readonly notes: boolean;
  readonly closeTicket: boolean;
  readonly setStatus: boolean;
}

/** Why a call to the PSA did not succeed, as the incident's timeline shows it. */
export interface PsaFailure {
  /** transient: the same request may pass later; permanent: the PSA refused it, retrying cannot help. */
  readonly kind: 'transient' | 'permanent';
  /** The PSA's HTTP status; null when no answer came (unreachable, timeout). */
  readonly status: number | null;
  /** The PSA's own message when it gave one, else what happened in words. */
  readonly message: string;
}
