import { EntityManager } from 'typeorm';

/** Member user ids of each team, one query for a whole page of teams. */
export async function membersOfTeams(
  db: EntityManager,
  orgId: string,
  teamIds: string[],
): Promise<Map<string, string[]>> {
  const rows: { team_id: string; user_id: string }[] = await db.query(
    'SELECT team_id, user_id FROM team_members WHERE org_id = $1 AND team_id = ANY($2::uuid[])',
    [orgId, teamIds],
  );
  const members = new Map<string, string[]>(teamIds.map((id) => [id, []]));
  for (const row of rows) members.get(row.team_id)?.push(row.user_id);
  return members;
}

export async function replaceMembers(
  db: EntityManager,
  orgId: string,
  teamId: string,
  userIds: string[],
): Promise<void> {
  await db.query('DELETE FROM team_members WHERE org_id = $1 AND team_id = $2', [orgId, teamId]);
  if (userIds.length === 0) return;
  await db.query(
    `INSERT INTO team_members (team_id, user_id, org_id) SELECT $2, user_id, $1 FROM unnest($3::uuid[]) AS user_id`,
    [orgId, teamId, userIds],
  );
}
