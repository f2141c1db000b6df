import { SCHEDULE_STATE_RESOURCE, SCHEDULING_STATE_CONTEXT, ScheduleState } from '@oncall/contracts';
import { enqueueStateChanges, StateChange } from '@oncall/platform-outbox';
import { DAY_MS } from '@oncall/scheduling-domain';
import { EntityManager } from 'typeorm';
import { toHistory } from '../store/schedule-rows';
import { ScheduleStore } from '../store/schedule-store';

/**
 * How far back the published history reaches: a reader asks about "now" (a step firing), and a day
 * covers the lag of any reader while keeping the view bounded (old overrides and revisions drop out).
 */
const LOOK_BACK_MS = DAY_MS;

/**
 * Publishes the schedules' current views (or tombstones, `deleted`) to ONCALL_STATE through the outbox,
 * in the caller's transaction: the copies follow every committed change and never one rolled back.
 */
export async function publishScheduleStates(
  tx: EntityManager,
  store: ScheduleStore,
  orgId: string,
  schedules: { scheduleId: string; deleted?: boolean }[],
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - LOOK_BACK_MS);
  const changes: StateChange<ScheduleState>[] = [];
  for (const { scheduleId, deleted } of schedules) {
    const view = deleted ? null : await scheduleView(tx, store, orgId, scheduleId, since);
    changes.push({
      context: SCHEDULING_STATE_CONTEXT,
      resourceType: SCHEDULE_STATE_RESOURCE,
      orgId,
      resourceId: scheduleId,
      view,
    });
  }
  await enqueueStateChanges(tx, changes, now.toISOString());
}

async function scheduleView(
  tx: EntityManager,
  store: ScheduleStore,
  orgId: string,
  scheduleId: string,
  since: Date,
): Promise<ScheduleState> {
  const loaded = await store.load(tx, orgId, scheduleId, {
    revisionsFrom: since,
    overrides: { after: since },
  });
  return {
    scheduleId,
    orgId,
    name: loaded.row.name,
    teamId: loaded.row.team_id,
    history: toHistory(loaded),
  };
}
