import type { UserView } from '@oncall/contracts';
import { Role } from '@oncall/platform-auth';

export type { UserView };

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
