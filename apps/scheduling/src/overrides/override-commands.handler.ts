import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  Commands,
  ConfigurationChanged,
  CreateOverrideRequest,
  MessageContext,
  OverrideView,
  SchedulingActor,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { enqueueConfigurationChange, personActor } from '@oncall/platform-outbox';
import {
  mayCreateOverride,
  mayRemoveOverride,
  participantsAt,
  renderScheduleHistory,
} from '@oncall/scheduling-domain';
import { DataSource, EntityManager } from 'typeorm';
import { GapScanner } from '../coverage/gap-scanner';
import { invalidField, parseInstant } from '../shared/parse-instant';
import { publishScheduleStates } from '../state/schedule-state';
import { currentRevision, LoadedSchedule, toHistory, toOverrideView } from '../store/schedule-rows';
import { OverrideStore } from '../store/override-store';
import { ScheduleStore } from '../store/schedule-store';

interface DeleteOverride {
  actor: SchedulingActor;
  scheduleId: string;
  overrideId: string;
}

/**
 * Overrides: managers create any; technicians take time themselves or hand over their own rotation turns
 * (the domain rule decides with the final schedule as it stands) and remove only overrides they created;
 * other roles are refused. Both commands lock the schedule row first. The past is frozen: an override
 * cannot start before now, and removing one that is under way ends it now instead of erasing it.
 */
@Controller()
export class OverrideCommandsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScheduleStore,
    private readonly overrides: OverrideStore,
    private readonly gaps: GapScanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Commands.scheduling.createOverride)
  async create(
    @OrgRequest() { context, data }: OrgRequest<CreateOverrideRequest & { actor: SchedulingActor }>,
  ): Promise<OverrideView> {
    const { actor, scheduleId, userId, reason } = data;
    const now = this.clock.now();
    const { start, end } = futureWindow(data.start, data.end, now);
    const view = await this.dataSource.transaction(async (tx) => {
      const schedule = await this.store.load(tx, context.orgId, scheduleId, {
        forUpdate: true,
        revisionsFrom: start,
        overrides: { after: start, before: end },
      });
      authorizeCreation(schedule, actor, { userId, start, end }, now);
      const row = await this.overrides.insert(
        tx,
        {
          orgId: context.orgId,
          scheduleId,
          userId,
          start,
          end,
          reason: reason ?? '',
          createdBy: actor.userId,
        },
        now,
      );
      const after = toOverrideView(row);
      await this.published(tx, context, scheduleId, now, {
        resourceId: row.id,
        action: 'created',
        actor: personActor(actor),
        before: null,
        after,
      });
      return after;
    });
    this.gaps.rescanSoon(context.orgId, scheduleId);
    return view;
  }

  @MessagePattern(Commands.scheduling.deleteOverride)
  async remove(@OrgRequest() { context, data }: OrgRequest<DeleteOverride>): Promise<OverrideView | null> {
    const { actor, scheduleId, overrideId } = data;
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (tx) => {
      await this.store.lock(tx, context.orgId, scheduleId);
      const row = await this.overrides.lockOne(tx, context.orgId, scheduleId, overrideId);
      if (!row) throw new RpcError('NOT_FOUND', `No override ${overrideId} on this schedule.`);
      const decision = mayRemoveOverride(actor, { createdBy: row.created_by });
      if (!decision.allowed) throw new RpcError('FORBIDDEN', decision.reason);
      if (row.ends_at <= now)
        throw new RpcError('CONFLICT', 'This override is over; the past cannot be changed.');
      const underWay = row.starts_at < now;
      const after = underWay ? await this.overrides.end(tx, row, now) : null;
      if (!underWay) await this.overrides.delete(tx, row);
      await this.published(tx, context, scheduleId, now, {
        resourceId: row.id,
        action: underWay ? 'ended' : 'deleted',
        actor: personActor(actor),
        before: toOverrideView(row),
        after: after ? toOverrideView(after) : null,
      });
      return after ? toOverrideView(after) : null;
    });
    this.gaps.rescanSoon(context.orgId, scheduleId);
    return result;
  }

  /** Publishes an override's change through the outbox, and the schedule's state as it now stands. */
  private async published(
    tx: EntityManager,
    context: MessageContext,
    scheduleId: string,
    now: Date,
    change: Omit<ConfigurationChanged<OverrideView>, 'resourceType'>,
  ): Promise<void> {
    await enqueueConfigurationChange(
      tx,
      'scheduling',
      context,
      { resourceType: 'schedule-override', ...change },
      now.toISOString(),
    );
    await publishScheduleStates(tx, this.store, context.orgId, [{ scheduleId }], now);
  }
}

/** The domain's rule, with the final schedule of the window as it stands and the people in the schedule now. */
function authorizeCreation(
  schedule: LoadedSchedule,
  actor: SchedulingActor,
  proposed: { userId: string; start: Date; end: Date },
  now: Date,
): void {
  const { start, end } = proposed;
  const shifts =
    actor.role === 'technician' ? renderScheduleHistory(toHistory(schedule), { start, end }) : [];
  const participants = participantsAt(currentRevision(schedule).layers, now);
  const decision = mayCreateOverride(actor, participants, shifts, {
    userId: proposed.userId,
    start: start.toISOString(),
    end: end.toISOString(),
  });
  if (!decision.allowed) throw new RpcError('FORBIDDEN', decision.reason);
}

/** [start, end) moved out of the past; refused when nothing of it is left. */
function futureWindow(start: unknown, end: unknown, now: Date): { start: Date; end: Date } {
  const from = parseInstant('start', start);
  const to = parseInstant('end', end);
  if (to <= from) throw invalidField('end', 'must be after start');
  if (to <= now) throw invalidField('end', 'must be in the future; the past cannot be changed');
  return { start: from < now ? now : from, end: to };
}
