import { CursorPage } from '@oncall/contracts';
import { Injectable } from '@nestjs/common';
import { queryRows } from '@oncall/platform-persistence';
import { RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChangeRecorder, sameView } from '../shared/change-recorder';
import { conflict } from '../shared/directory-errors';
import { ResourceWrites, resourceWrites } from '../shared/directory-transaction';
import { findOrgRow } from '../shared/org-rows';
import { OrgViewsDirectory } from '../shared/org-views';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './user.dto';
import { toUserView, UserRow, UserView } from './user.view';

/**
 * Users of the organization. Hub is authoritative for name, e-mail and role: the person's next
 * authenticated request overwrites them (auth/principal-provisioner.ts). Users are deactivated, never
 * deleted, so history and audit keep naming them.
 */
@Injectable()
export class UsersDirectory extends OrgViewsDirectory<UserRow, UserView> {
  private readonly writes: ResourceWrites<UserView>;

  constructor(dataSource: DataSource, changes: ChangeRecorder) {
    super(dataSource, 'users', toUserView);
    this.writes = resourceWrites(dataSource, changes, 'user', () =>
      conflict('A user with this e-mail address already exists in your organization.', 'DUPLICATE_EMAIL'),
    );
  }

  /** `?active=` keeps active or deactivated users only. */
  override list(context: RequestContext, query: ListUsersQueryDto): Promise<CursorPage<UserView>> {
    const filter = query.active === undefined ? undefined : { sql: 'active = $2', params: [query.active] };
    return this.page(context, query, filter);
  }

  create(context: RequestContext, dto: CreateUserDto): Promise<UserView> {
    return this.writes.write(async (tx) => {
      const [row] = await queryRows<UserRow>(
        tx,
        `INSERT INTO users (id, org_id, email, name, role, time_zone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [randomUUID(), context.orgId, dto.email, dto.name, dto.role, dto.timeZone ?? 'UTC'],
      );
      return this.writes.record(tx, context, row.id, 'created', null, toUserView(row));
    });
  }

  /**
   * Name and role set here last only until the person's next sign-in: Hub overwrites them then. A patch
   * that changes nothing updates nothing and records nothing.
   */
  update(context: RequestContext, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.writes.write(async (tx) => {
      const current = await findOrgRow<UserRow>(tx, 'users', context.orgId, id, { forUpdate: true });
      const next: UserRow = {
        ...current,
        name: dto.name ?? current.name,
        role: dto.role ?? current.role,
        time_zone: dto.timeZone ?? current.time_zone,
      };
      if (sameView(toUserView(current), toUserView(next))) return toUserView(current);
      const [row] = await queryRows<UserRow>(
        tx,
        `UPDATE users SET name = $3, role = $4, time_zone = $5, updated_at = now()
         WHERE org_id = $1 AND id = $2 RETURNING *`,
        [context.orgId, id, next.name, next.role, next.time_zone],
      );
      return this.writes.record(tx, context, row.id, 'updated', toUserView(current), toUserView(row));
    });
  }

  /** Deactivated users cannot sign in; teams and schedules keep naming them. Idempotent. */
  setActive(context: RequestContext, id: string, active: boolean): Promise<UserView> {
    return this.writes.write(async (tx) => {
      const current = await findOrgRow<UserRow>(tx, 'users', context.orgId, id, { forUpdate: true });
      if (!active && context.principal?.userId === id) {
        throw conflict('You cannot deactivate yourself; ask another manager.', 'CANNOT_DEACTIVATE_SELF');
      }
      if (current.active === active) return toUserView(current);
      const [row] = await queryRows<UserRow>(
        tx,
        'UPDATE users SET active = $3, updated_at = now() WHERE org_id = $1 AND id = $2 RETURNING *',
        [context.orgId, id, active],
      );
      const action = active ? 'reactivated' : 'deactivated';
      return this.writes.record(tx, context, row.id, action, toUserView(current), toUserView(row));
    });
  }
}
