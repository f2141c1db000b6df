import type { PsaFailure, PsaTicketRef } from './psa-wire.types';
import { toKebabCase } from '../messaging/subjects';

/**
 * What psa-sync publishes about each incident's ticket (outbox → ONCALL_PSA). incident-state records them on
 * the incident's timeline (TicketCreated becomes TicketLinked instead, through LinkTicket); `summary` is
 * the sentence the timeline shows.
 */
export function psaEventSubject(eventType: string): string {
  return `oncall.evt.psa.${toKebabCase(eventType)}.v1`;
}

export const PSA_EVENT_SCHEMA_VERSION = 1;

export const PSA_FACT_TYPES = [
  'TicketPending',
  'TicketDelayed',
  'TicketCreated',
  'TicketFailed',
  'NotePosted',
  'NoteFailed',
  'TicketClosed',
  'TicketCloseFailed',
] as const;
export type PsaFactType = (typeof PSA_FACT_TYPES)[number];

/** Why a ticket was asked for. */
export type TicketRequestReason = 'trigger' | 'acknowledge' | 'manual';

interface PsaFactBase {
  incidentId: string;
  orgId: string;
  /** `oncall:<org>:<incident>`, the incident's id in the PSA. */
  externalId: string;
  summary: string;
}

export interface TicketPending extends PsaFactBase {
  requestedBy: TicketRequestReason;
  userId: string | null;
  generation: number;
}

export interface TicketDelayed extends PsaFactBase {
  failure: PsaFailure;
  retryAt: string;
}

export interface TicketCreated extends PsaFactBase {
  ticket: PsaTicketRef;
}

export interface TicketFailed extends PsaFactBase {
  failure: PsaFailure;
}

export interface NotePosted extends PsaFactBase {
  ticket: PsaTicketRef;
  /** The incident's note; null for the resolution note. */
  noteId: string | null;
  resolution: boolean;
}

export interface NoteFailed extends NotePosted {
  failure: PsaFailure;
}

export interface TicketClosed extends PsaFactBase {
  ticket: PsaTicketRef;
  /** The status it was moved to; null when it was closed. */
  status: string | null;
}

export interface TicketCloseFailed extends TicketClosed {
  failure: PsaFailure;
}

export interface PsaFacts {
  TicketPending: TicketPending;
  TicketDelayed: TicketDelayed;
  TicketCreated: TicketCreated;
  TicketFailed: TicketFailed;
  NotePosted: NotePosted;
  NoteFailed: NoteFailed;
  TicketClosed: TicketClosed;
  TicketCloseFailed: TicketCloseFailed;
}
