import type { Role } from '../api/types';

/**
 * Roles holding `incidents:respond` in the permission table (libs/platform/auth/src/permissions.ts): owners
 * read everything and change nothing. The API enforces it; the SPA only hides what would be refused.
 * test/admin-spa.e2e-spec.ts checks these lists against the table.
 */
export const RESPONDER_ROLES: readonly Role[] = ['manager', 'technician'];
/** Roles holding `directory:write` and `schedules:write`: they build policies, services, schedules. */
export const CONFIGURER_ROLES: readonly Role[] = ['manager'];
/** Roles holding `audit:read`. */
export const AUDIT_READER_ROLES: readonly Role[] = ['manager', 'owner'];

export function canRespond(role: Role): boolean {
  return RESPONDER_ROLES.includes(role);
}

export function canConfigure(role: Role): boolean {
  return CONFIGURER_ROLES.includes(role);
}

export function canReadAudit(role: Role): boolean {
  return AUDIT_READER_ROLES.includes(role);
}

/** Roles holding `reports:read` (the whole organization's reports). */
export const REPORT_READER_ROLES: readonly Role[] = ['manager', 'owner'];

export function canReadReports(role: Role): boolean {
  return REPORT_READER_ROLES.includes(role);
}
