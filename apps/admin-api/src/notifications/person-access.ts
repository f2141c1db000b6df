import { ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PersonRef } from '@oncall/contracts';
import { roleAllows } from '@oncall/platform-auth';
import { queryRows } from '@oncall/platform-persistence';
import { problem, RequestContext } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';

/**
 * Whose contact methods and rules a request may touch: the caller's own (every role with
 * `profile:write-own`), anyone's of the organization for a manager (`directory:write`). Another
 * organization's person answers 404 like a missing one; a colleague's, for a technician, 403.
 */
@Injectable()
export class PersonAccess {
  constructor(private readonly dataSource: DataSource) {}

  async self(caller: RequestContext): Promise<PersonRef> {
    if (!caller.principal) throw new UnauthorizedException();
    return this.person(caller, caller.principal.userId);
  }

  async managed(caller: RequestContext, userId: string): Promise<PersonRef> {
    const person = await this.person(caller, userId);
    const principal = caller.principal;
    if (!principal) throw new UnauthorizedException();
    if (principal.userId !== person.userId && !roleAllows(principal.role, 'directory:write')) {
      throw new ForbiddenException(
        problem(403, 'You may only manage your own contact methods and notification rules.', {
          code: 'FORBIDDEN',
        }),
      );
    }
    return person;
  }

  private async person(caller: RequestContext, userId: string): Promise<PersonRef> {
    const [row] = await queryRows<{ id: string; email: string }>(
      this.dataSource,
      'SELECT id, email FROM users WHERE org_id = $1 AND id = $2',
      [caller.orgId, userId.toLowerCase()],
    );
    if (!row) {
      throw new NotFoundException(problem(404, `User ${userId} does not exist.`, { code: 'NOT_FOUND' }));
    }
    return { userId: row.id, accountEmail: row.email };
  }
}
