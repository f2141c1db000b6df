import { Role } from '@oncall/platform-auth';

export interface UserRow {
  id: string;
  org_id: string;
  hub_user_id: string | null;
  email: string;
  name: string;
  role: Role;
  time_zone: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** A user as the API shows it (and as audit and directory events record it). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  active: boolean;
  /** False until the person first signs in through Hub. */
  signedIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    timeZone: row.time_zone,
    active: row.active,
    signedIn: row.hub_user_id !== null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
