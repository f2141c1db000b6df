import { IntegrationType } from '../alerts/canonical-alert';
import { TicketMode } from './ticket-mode';
import { UrgencyRule } from './urgency-rule';

/**
 * What admin-api publishes of the directory for other services' local copies (ADR 0120): machine views,
 * one per resource, on `oncall.state.directory.<resourceType>.<id>`.
 */
export const DIRECTORY_STATE_CONTEXT = 'directory';

export interface OrganizationState {
  orgId: string;
  name: string;
}

export interface UserState {
  userId: string;
  orgId: string;
  email: string;
  name: string;
  role: 'manager' | 'technician' | 'owner';
  timeZone: string;
  active: boolean;
}

export interface TeamState {
  teamId: string;
  orgId: string;
  name: string;
  managerUserId: string | null;
  memberIds: string[];
}

export interface ClientState {
  clientId: string;
  orgId: string;
  name: string;
  rmmExternalId: string | null;
  psaExternalId: string | null;
  timeZone: string;
}

export interface ServiceState {
  serviceId: string;
  orgId: string;
  name: string;
  clientId: string | null;
  teamId: string | null;
  escalationPolicyId: string | null;
  urgencyRule: UrgencyRule;
  /** When its incidents get a PSA ticket; absent in views published before the field existed. */
  ticketMode?: TicketMode;
}

/** The gateway's copy of integration keys: only the key's SHA-256 travels, never the key. */
export interface IntegrationState {
  integrationId: string;
  orgId: string;
  serviceId: string;
  type: IntegrationType;
  name: string;
  keyHash: string;
  active: boolean;
  /** ISO-8601 UTC with microseconds: the oldest live integration of a type is an organization's default. */
  createdAt: string;
}

export interface DirectoryStateViews {
  organization: OrganizationState;
  user: UserState;
  team: TeamState;
  client: ClientState;
  service: ServiceState;
  integration: IntegrationState;
}
