import { Injectable } from '@nestjs/common';
import { EscalationPolicyDefinition } from '@oncall/contracts';
import { targetReferences } from '@oncall/escalation-domain';
import { apiFieldName, badRequestFor, RequestContext } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { requireActiveUsers, requireOrgReference } from '../directory/shared/org-references';
import { ScheduleExistenceCheck } from './schedule-existence.check';

/**
 * Every target of a policy must exist in the caller's organization: users (active only) and teams are
 * admin-api's own, schedules are scheduling's. A target that does not is a 400 naming its field; another
 * organization's user or schedule reads exactly like a missing one.
 */
@Injectable()
export class PolicyTargetsCheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schedules: ScheduleExistenceCheck,
  ) {}

  async require(caller: RequestContext, definition: EscalationPolicyDefinition): Promise<void> {
    const references = targetReferences(definition);
    await requireActiveUsers(
      this.dataSource.manager,
      caller.orgId,
      references
        .filter((reference) => reference.type === 'user')
        .map(({ id, path }) => ({ field: apiFieldName(path), userId: id })),
    );
    for (const team of references.filter((reference) => reference.type === 'team')) {
      await requireOrgReference(
        this.dataSource.manager,
        'teams',
        caller.orgId,
        team.id,
        apiFieldName(team.path),
      );
    }
    const schedules = references.filter((reference) => reference.type === 'schedule');
    if (schedules.length === 0) return;
    const missing = new Set(
      await this.schedules.missing(
        caller,
        schedules.map((schedule) => schedule.id),
      ),
    );
    const badSchedules = schedules.filter((schedule) => missing.has(schedule.id));
    if (badSchedules.length > 0) {
      throw badRequestFor(
        badSchedules.map(({ id, path }) => ({
          field: apiFieldName(path),
          message: `${apiFieldName(path)}: ${id} is not a schedule of your organization`,
        })),
      );
    }
  }
}
