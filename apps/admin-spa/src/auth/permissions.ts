import type { Role } from '../api/types';

/**
 * Roles holding `incidents:respond` in the permission table (libs/platform/auth/src/permissions.ts): owners
 * read everything and change nothing. The API enforces it; the SPA only hides what would be refused.
 * test/admin-spa.e2e-spec.ts checks this list against the table.
 */
export const RESPONDER_ROLES: readonly Role[] = ['manager', 'technician'];

export function canRespond(role: Role): boolean {
  return RESPONDER_ROLES.includes(role);
}
