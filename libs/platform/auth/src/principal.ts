export const ROLES = ['manager', 'technician', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token only; the organization is never taken from a request body. */
export interface Principal {
  orgId: string;
  /** Our directory id of the user (stable across Hub changes of e-mail or name). */
  userId: string;
  /** Hub's subject for the user. */
  hubUserId: string;
  email: string;
  name: string;
  role: Role;
  /**
   * When the credential the caller presented stops being valid: the token's `exp`, in seconds since the
   * epoch. Long-lived answers (server-sent event streams) end then.
   */
  expiresAt?: number;
}

/** Claims On-Call reads from a Hub (or development) token. */
export interface HubClaims {
  sub: string;
  org_id: string;
  org_name?: string;
  email: string;
  name: string;
  role: Role;
}
