import { Role } from './principal';

/** Everything a person can be allowed to do through the API. */
export const PERMISSIONS = [
  'incidents:read',
  /** Acknowledge, resolve, add notes, snooze, reassign, escalate, merge. */
  'incidents:respond',
  'directory:read',
  /** Users, teams, clients, services, integrations. */
  'directory:write',
  'schedules:read',
  'schedules:write',
  /** Overrides where the caller takes the shift or hands over their own shift (checked by scheduling). */
  'overrides:write-own',
  'escalation-policies:read',
  'escalation-policies:write',
  /** The caller's own contact methods and notification rules. */
  'profile:write-own',
  'reports:read',
  /** The caller's own on-call burden. */
  'reports:read-own',
  'audit:read',
  /** Messages of the organization the platform gave up on (dead letters): what was not applied, and why. */
  'dead-letters:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * THE permission table: guards and tests both read it. Managers run the organization; technicians respond
 * and manage themselves; owners read everything, including reports and the audit log, and change nothing.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  manager: PERMISSIONS,
  technician: [
    'incidents:read',
    'incidents:respond',
    'directory:read',
    'schedules:read',
    'overrides:write-own',
    'escalation-policies:read',
    'profile:write-own',
    'reports:read-own',
  ],
  owner: [
    'incidents:read',
    'directory:read',
    'schedules:read',
    'escalation-policies:read',
    'profile:write-own',
    'reports:read',
    'reports:read-own',
    'audit:read',
    'dead-letters:read',
  ],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
