import type { Severity } from '../alerts/canonical-alert';

/**
 * The PSA shapes psa-sync's messages carry (ADR 0185): the wire's own copies of psa-domain's types, so a change
 * in the domain shows up as a compile error where psa-sync maps it, never as a silent change of format.
 */
export type PsaPriority = 'P1' | 'P2' | 'P3' | 'P4';

export interface PsaTicketRef {
  readonly provider: string;
  readonly ticketId: string;
  readonly url: string | null;
}

export interface PsaCapabilities {
  readonly findByExternalId: boolean;
  readonly idempotencyKeys: boolean;
  readonly notes: boolean;
  readonly closeTicket: boolean;
  readonly setStatus: boolean;
}

export interface PsaFailure {
  readonly kind: 'transient' | 'permanent';
  readonly status: number | null;
  readonly message: string;
}

export type OnResolve =
  { readonly action: 'close' } | { readonly action: 'set-status'; readonly status: string };

export interface PsaSettings {
  readonly priorities: Readonly<Record<Severity, PsaPriority>>;
  readonly defaultBoard: string | null;
  readonly serviceBoards: readonly { readonly serviceId: string; readonly board: string }[];
  readonly onResolve: OnResolve;
}
