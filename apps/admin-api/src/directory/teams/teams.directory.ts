import { CursorPage, CursorPageQueryDto } from '@oncall/contracts';
import { Injectable } from '@nestjs/common';
import { queryRows } from '@oncall/platform-persistence';
import { RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeRecorder, sameView } from '../shared/change-recorder';
import { conflict } from '../shared/directory-errors';
import { ResourceWrites, namedResourceWrites } from '../shared/directory-transaction';
import { referencesOf, requireActiveUsers, requireOrgReference } from '../shared/org-references';
import { findOrgRow } from '../shared/org-rows';
import { pageOfOrgRows } from '../shared/pagination';
import { CreateTeamDto, UpdateTeamDto } from './team.dto';
import { membersOfTeams, replaceMembers } from './team-members';
import { TeamRow, TeamView, toTeamView } from './team.view';

/** Teams of the organization, with their manager and members; every write audited. */
@Injectable()
export class TeamsDirectory {
  private readonly writes: ResourceWrites<TeamView>;

  constructor(
    private readonly dataSource: DataSource,
    changes: ChangeRecorder,
  ) {
    this.writes = namedResourceWrites(dataSource, changes, 'team');
  }

  async list(context: RequestContext, query: CursorPageQueryDto): Promise<CursorPage<TeamView>> {
    const db = this.dataSource.manager;
    const page = await pageOfOrgRows<TeamRow>(db, 'teams', context.orgId, query);
    const members = await membersOfTeams(
      db,
      context.orgId,
      page.items.map((row) => row.id),
    );
    return { ...page, items: page.items.map((row) => toTeamView(row, members.get(row.id) ?? [])) };
  }

  get(context: RequestContext, id: string): Promise<TeamView> {
    return this.view(this.dataSource.manager, context, id);
  }

  create(context: RequestContext, dto: CreateTeamDto): Promise<TeamView> {
    return this.writes.write(async (tx) => {
      if (dto.managerUserId) {
        await requireOrgReference(tx, 'users', context.orgId, dto.managerUserId, 'managerUserId');
      }
      const [row] = await queryRows<TeamRow>(
        tx,
        `INSERT INTO teams (id, org_id, name, description, manager_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [randomUUID(), context.orgId, dto.name, dto.description ?? '', dto.managerUserId ?? null],
      );
      return this.writes.record(tx, context, row.id, 'created', null, toTeamView(row, []));
    });
  }

  /** A patch that changes nothing updates nothing and records nothing. */
  update(context: RequestContext, id: string, dto: UpdateTeamDto): Promise<TeamView> {
    return this.writes.write(async (tx) => {
      const before = await this.view(tx, context, id, { forUpdate: true });
      if (dto.managerUserId) {
        await requireOrgReference(tx, 'users', context.orgId, dto.managerUserId, 'managerUserId');
      }
      const next: TeamView = {
        ...before,
        name: dto.name ?? before.name,
        description: dto.description ?? before.description,
        managerUserId:
          dto.managerUserId !== undefined ? (dto.managerUserId?.toLowerCase() ?? null) : before.managerUserId,
      };
      if (sameView(before, next)) return before;
      await tx.query(
        `UPDATE teams SET name = $3, description = $4, manager_user_id = $5, updated_at = now()
         WHERE org_id = $1 AND id = $2`,
        [context.orgId, id, next.name, next.description, next.managerUserId],
      );
      return this.writes.record(tx, context, id, 'updated', before, await this.view(tx, context, id));
    });
  }

  /**
   * Replaces the member list; every member must be an active user of the organization. The same list
   * again changes nothing and records nothing.
   */
  replaceMembers(context: RequestContext, id: string, userIds: string[]): Promise<TeamView> {
    return this.writes.write(async (tx) => {
      const before = await this.view(tx, context, id, { forUpdate: true });
      await requireActiveUsers(tx, context.orgId, referencesOf('userIds', userIds));
      const members = userIds.map((userId) => userId.toLowerCase());
      if (sameView(before, { ...before, memberIds: [...members].sort() })) return before;
      await replaceMembers(tx, context.orgId, id, members);
      await tx.query('UPDATE teams SET updated_at = now() WHERE org_id = $1 AND id = $2', [
        context.orgId,
        id,
      ]);
      return this.writes.record(tx, context, id, 'updated', before, await this.view(tx, context, id));
    });
  }

  remove(context: RequestContext, id: string): Promise<void> {
    return this.writes.write(async (tx) => {
      const before = await this.view(tx, context, id, { forUpdate: true });
      const [inUse]: { n: number }[] = await tx.query(
        'SELECT count(*)::int AS n FROM services WHERE org_id = $1 AND team_id = $2',
        [context.orgId, id],
      );
      if (inUse.n > 0) {
        throw conflict(
          `Team ${before.name} is used by ${inUse.n} service(s); give them another team first.`,
          'TEAM_IN_USE',
        );
      }
      await tx.query('DELETE FROM teams WHERE org_id = $1 AND id = $2', [context.orgId, id]);
      await this.writes.record(tx, context, id, 'deleted', before, null);
    });
  }

  private async view(
    db: EntityManager,
    context: RequestContext,
    id: string,
    lock = { forUpdate: false },
  ): Promise<TeamView> {
    const row = await findOrgRow<TeamRow>(db, 'teams', context.orgId, id, lock);
    const members = await membersOfTeams(db, context.orgId, [id]);
    return toTeamView(row, members.get(id) ?? []);
  }
}
