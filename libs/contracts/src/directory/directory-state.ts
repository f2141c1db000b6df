import type { GroupingRule, MaintenanceWindow, RoutingRule } from './correlation-wire.types';
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

/** An organization's active managers among `users`, by user id: who hears of gaps and unanswered incidents. */
export function activeManagersOf(users: Iterable<UserState>, orgId: string): UserState[] {
  const managers: UserState[] = [];
  for (const user of users) {
    if (user.orgId === orgId && user.role === 'manager' && user.active) managers.push(user);
  }
  return managers.sort((a, b) => a.userId.localeCompare(b.userId));
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
  /** How it groups alerts into incidents (ADR 0175); null or absent: it does not. */
  grouping?: GroupingRule | null;
  /** Acknowledgement timeout and auto-resolve time in seconds (ADR 0143); null or absent: off. */
  ackTimeoutSeconds?: number | null;
  autoResolveSeconds?: number | null;
}

/** An organization's client routing rules, in order (ADR 0175). */
export interface RoutingRulesState {
  orgId: string;
  rules: RoutingRule[];
}

/** A maintenance window of a service or a client (ADR 0175): alerts inside are recorded, not paged. */
export interface MaintenanceWindowState {
  orgId: string;
  name: string;
  window: MaintenanceWindow;
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
  routingRules: RoutingRulesState;
  maintenanceWindow: MaintenanceWindowState;
}
