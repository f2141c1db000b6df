import type { TeamView } from '@oncall/contracts';

export type { TeamView };

export interface TeamRow {
  id: string;
  org_id: string;
  name: string;
  description: string;
  manager_user_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toTeamView(row: TeamRow, memberIds: string[]): TeamView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    managerUserId: row.manager_user_id,
    memberIds: [...memberIds].sort(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
