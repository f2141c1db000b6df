import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  Commands,
  MessageContext,
  ScheduleDefinition,
  ScheduleView,
  SchedulingActor,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { enqueueConfigurationChange, personActor } from '@oncall/platform-outbox';
import { transactionRefusingDuplicates } from '@oncall/platform-persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { deleteGapsOf } from '../coverage/gap-rows';
import { GapScanner } from '../coverage/gap-scanner';
import { publishScheduleStates } from '../state/schedule-state';
import { toScheduleView } from '../store/schedule-rows';
import { ScheduleStore } from '../store/schedule-store';
import { ScheduleFields, insertNextRevision, insertSchedule } from './revision-writes';
import { isUnchanged, layersOf } from './schedule-definition';

interface CreateSchedule {
  actor: SchedulingActor;
  definition: ScheduleDefinition;
}
interface UpdateSchedule extends CreateSchedule {
  scheduleId: string;
  expectedVersion?: number;
}
interface DeleteSchedule {
  actor: SchedulingActor;
  scheduleId: string;
}

/**
 * Schedules are written in revisions: creating one writes revision 1 (in force from the creation); an
 * edit adds a revision in force from now, never before the one it follows, so nothing already past
 * changes (rule 9). An update that changes nothing writes nothing. Every write is published as a
 * configuration change through the outbox, then the schedule is rescanned for coverage gaps.
 */
@Controller()
export class ScheduleCommandsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScheduleStore,
    private readonly gaps: GapScanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Commands.scheduling.createSchedule)
  async create(@OrgRequest() { context, data }: OrgRequest<CreateSchedule>): Promise<ScheduleView> {
    const { actor, definition } = data;
    const layers = layersOf(definition);
    const fields = fieldsOf(context.orgId, randomUUID(), definition);
    const view = await this.write(async (tx) => {
      await insertSchedule(tx, fields, { timeZone: definition.timeZone, layers, createdBy: actor.userId });
      const after = toScheduleView(await this.store.load(tx, context.orgId, fields.scheduleId));
      await this.recordChange(tx, context, actor, 'created', fields.scheduleId, null, after);
      await this.publishState(tx, context.orgId, fields.scheduleId);
      return after;
    });
    this.gaps.rescanSoon(context.orgId, fields.scheduleId);
    return view;
  }

  @MessagePattern(Commands.scheduling.updateSchedule)
  async update(@OrgRequest() { context, data }: OrgRequest<UpdateSchedule>): Promise<ScheduleView> {
    const { actor, definition, scheduleId, expectedVersion } = data;
    const layers = layersOf(definition);
    const fields = fieldsOf(context.orgId, scheduleId, definition);
    const { view, changed } = await this.write(async (tx) => {
      const current = await this.store.load(tx, context.orgId, scheduleId, { forUpdate: true });
      const before = toScheduleView(current);
      // Asking for what is already in force succeeds whatever version the caller last saw.
      if (isUnchanged(current, definition, layers)) return { view: before, changed: false };
      if (expectedVersion !== undefined && expectedVersion !== current.row.current_revision) {
        throw new RpcError(
          'CONFLICT',
          `Schedule changed since version ${expectedVersion} (now ${current.row.current_revision}); reload it.`,
        );
      }
      const revision = { current: current.row.current_revision, timeZone: definition.timeZone, layers };
      await insertNextRevision(tx, fields, { ...revision, createdBy: actor.userId });
      const after = toScheduleView(await this.store.load(tx, context.orgId, scheduleId));
      await this.recordChange(tx, context, actor, 'updated', scheduleId, before, after);
      await this.publishState(tx, context.orgId, scheduleId);
      return { view: after, changed: true };
    });
    if (changed) this.gaps.rescanSoon(context.orgId, scheduleId);
    return view;
  }

  @MessagePattern(Commands.scheduling.deleteSchedule)
  async remove(@OrgRequest() { context, data }: OrgRequest<DeleteSchedule>): Promise<null> {
    const { actor, scheduleId } = data;
    await this.write(async (tx) => {
      const current = await this.store.load(tx, context.orgId, scheduleId, { forUpdate: true });
      await this.store.markDeleted(tx, context.orgId, current.row.id);
      await deleteGapsOf(tx, context.orgId, current.row.id);
      await this.recordChange(tx, context, actor, 'deleted', current.row.id, toScheduleView(current), null);
      await this.publishState(tx, context.orgId, current.row.id, true);
    });
    return null;
  }

  private recordChange(
    tx: EntityManager,
    context: MessageContext,
    actor: SchedulingActor,
    action: string,
    scheduleId: string,
    before: ScheduleView | null,
    after: ScheduleView | null,
  ): Promise<void> {
    return enqueueConfigurationChange(
      tx,
      'scheduling',
      context,
      {
        resourceType: 'schedule',
        resourceId: scheduleId,
        action,
        actor: personActor(actor),
        before,
        after,
      },
      this.clock.now().toISOString(),
    );
  }

  private publishState(tx: EntityManager, orgId: string, scheduleId: string, deleted = false): Promise<void> {
    return publishScheduleStates(tx, this.store, orgId, [{ scheduleId, deleted }], this.clock.now());
  }

  private write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return transactionRefusingDuplicates(
      this.dataSource,
      work,
      () => new RpcError('CONFLICT', 'A schedule with this name already exists.'),
    );
  }
}

function fieldsOf(orgId: string, scheduleId: string, definition: ScheduleDefinition): ScheduleFields {
  return {
    orgId,
    scheduleId,
    name: definition.name,
    description: definition.description ?? '',
    teamId: definition.teamId ?? null,
  };
}
