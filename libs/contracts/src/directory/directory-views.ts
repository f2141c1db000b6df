/**
 * admin-api's answers about the directory, as JSON: admin-api maps its rows to them and the admin SPA reads
 * them (type-only). Times are ISO-8601 text.
 */

/** A user as the API shows it (and as audit and directory events record it); GET /api/v1/me answers one. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: 'manager' | 'technician' | 'owner';
  timeZone: string;
  active: boolean;
  /** False until the person first signs in through Hub. */
  signedIn: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A team with its manager and members (user ids, sorted). */
export interface TeamView {
  id: string;
  name: string;
  description: string;
  managerUserId: string | null;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** One of the MSP's customers, with the ids it has in the RMM and the PSA. */
export interface ClientView {
  id: string;
  name: string;
  rmmExternalId: string | null;
  psaExternalId: string | null;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

/** Where an alert would go, named for people (POST /api/v1/routing-rules/test): the correlator's verdict. */
export interface RoutingTestView {
  serviceId: string;
  serviceName: string;
  /** The rule taken; null when the integration's service caught it. */
  ruleId: string | null;
  clientId: string | null;
  clientName: string | null;
  /** The maintenance window the alert would be recorded in (paging no one); null: it pages. */
  maintenanceWindow: { id: string; name: string } | null;
}
