import type { PsaCapabilities, PsaFailure, PsaSettings, PsaTicketRef } from './psa-wire.types';
import type { Severity } from '../alerts/canonical-alert';

export type { OnResolve, PsaCapabilities, PsaFailure, PsaPriority, PsaSettings, PsaTicketRef } from './psa-wire.types'; // prettier-ignore

/** The incident as admin-api read it from incident-state, so psa-sync can describe it whatever it has seen. */
export interface TicketIncidentFacts {
  serviceId: string;
  title: string;
  severity: Severity;
  triggeredAt: string;
}

export interface RequestTicketCommand {
  incidentId: string;
  actor: { userId: string; name: string };
  incident: TicketIncidentFacts;
}

/**
 * The incident's ticket as psa-sync stands: `pending` while it is being created (or the PSA is down),
 * `created` with the ticket, `failed` with the PSA's refusal (asking again retries).
 */
export interface TicketRequestView {
  state: 'pending' | 'created' | 'failed';
  ticket: PsaTicketRef | null;
  failure: PsaFailure | null;
  requestedAt: string;
}

export interface PsaSettingsView extends PsaSettings {
  /** 0 until a manager saves settings (the defaults apply). */
  version: number;
  updatedAt: string | null;
}

export interface ReplacePsaSettingsCommand {
  actor: { userId: string; name: string };
  settings: unknown;
}

/** psa-sync's connection, published on ONCALL_STATE for admin-api (GET /api/v1/psa/status). */
export const PSA_STATE_CONTEXT = 'psa';
export const PSA_CONNECTION_RESOURCE = 'connection';
export const PSA_CONNECTION_ID = 'platform';

export interface PsaConnectionState {
  /** False when PSA_API_URL is unset: no ticket is made, and asking for one is refused. */
  configured: boolean;
  provider: string | null;
  capabilities: PsaCapabilities | null;
}

export const PSA_SETTINGS_RESOURCE = 'psa-settings';
