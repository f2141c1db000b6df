import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ScheduleStore } from '../store/schedule-store';
import { publishScheduleStates } from './schedule-state';

const BATCH = 100;

/**
 * Republishes every live schedule's view at start (ADR 0120): a lost or new ONCALL_STATE heals on the next
 * start, and views whose overrides ran out since their last change are trimmed.
 */
@Injectable()
export class ScheduleStateRepublisher implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScheduleStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let after: { orgId: string; id: string } | null = null;
    let count = 0;
    for (;;) {
      const ids = await this.store.liveIdsAfter(this.store.db, after, BATCH);
      if (ids.length === 0) break;
      await this.dataSource.transaction(async (tx) => {
        for (const [orgId, scheduleIds] of byOrganization(ids)) {
          const schedules = scheduleIds.map((scheduleId) => ({ scheduleId }));
          await publishScheduleStates(tx, this.store, orgId, schedules, this.clock.now());
        }
      });
      count += ids.length;
      const last = ids[ids.length - 1];
      after = { orgId: last.org_id, id: last.id };
    }
    this.logger.info({ schedules: count }, 'Schedule views republished to the state stream');
  }
}

function byOrganization(ids: { org_id: string; id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { org_id: orgId, id } of ids) groups.set(orgId, [...(groups.get(orgId) ?? []), id]);
  return groups;
}
