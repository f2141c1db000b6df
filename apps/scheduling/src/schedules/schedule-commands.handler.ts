import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MessageContext,
  RpcRequest,
  ScheduleDefinition,
  ScheduleView,
  SchedulingActor,
  SchedulingCommands,
} from '@oncall/contracts';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { enqueueConfigurationChange, personActor } from '@oncall/platform-outbox';
import { isUniqueViolation } from '@oncall/platform-persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { GapScanner } from '../coverage/gap-scanner';
import { ScheduleStore } from '../store/schedule-store';
import { toScheduleView } from '../store/schedule-rows';
import { layersOf } from './schedule-definition';

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
 * Schedules are written in revisions: creating one writes revision 1 (in force since always); an edit adds
 * a revision in force from now, so nothing already past changes (rule 9). Every write is published as a
 * configuration change through the outbox, then the schedule is rescanned for coverage gaps.
 */
@Controller()
export class ScheduleCommandsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScheduleStore,
    private readonly gaps: GapScanner,
  ) {}

  @MessagePattern(SchedulingCommands.createSchedule)
  async create(@Payload() request: RpcRequest<CreateSchedule>): Promise<ScheduleView> {
    const context = organizationContextOf(request);
    const { actor, definition } = request.data;
    const layers = layersOf(definition);
    const id = randomUUID();
    const now = new Date();
    const view = await this.write(async (tx) => {
      await tx.query(
        `INSERT INTO schedules (id, org_id, name, description, team_id, current_revision, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $6)`,
        [id, context.orgId, definition.name, definition.description ?? '', definition.teamId ?? null, now],
      );
      await insertRevision(tx, id, 1, null, definition.timeZone, layers, actor.userId, now);
      const after = toScheduleView(await this.store.load(tx, context.orgId, id));
      await this.recordChange(tx, context, actor, 'created', id, null, after);
      return after;
    });
    this.gaps.rescanSoon(context.orgId, id);
    return view;
  }

  @MessagePattern(SchedulingCommands.updateSchedule)
  async update(@Payload() request: RpcRequest<UpdateSchedule>): Promise<ScheduleView> {
    const context = organizationContextOf(request);
    const { actor, definition, scheduleId, expectedVersion } = request.data;
    const layers = layersOf(definition);
    const now = new Date();
    const view = await this.write(async (tx) => {
      const current = await this.store.load(tx, context.orgId, scheduleId, { forUpdate: true });
      if (expectedVersion !== undefined && expectedVersion !== current.row.current_revision) {
        throw new RpcError(
          'CONFLICT',
          `Schedule changed since version ${expectedVersion} (now ${current.row.current_revision}); reload it.`,
        );
      }
      const revision = current.row.current_revision + 1;
      await insertRevision(tx, scheduleId, revision, now, definition.timeZone, layers, actor.userId, now);
      await tx.query(
        `UPDATE schedules SET name = $3, description = $4, team_id = $5, current_revision = $6, updated_at = $7
         WHERE org_id = $1 AND id = $2`,
        [
          context.orgId,
          scheduleId,
          definition.name,
          definition.description ?? '',
          definition.teamId ?? null,
          revision,
          now,
        ],
      );
      const after = toScheduleView(await this.store.load(tx, context.orgId, scheduleId));
      await this.recordChange(tx, context, actor, 'updated', scheduleId, toScheduleView(current), after);
      return after;
    });
    this.gaps.rescanSoon(context.orgId, scheduleId);
    return view;
  }

  @MessagePattern(SchedulingCommands.deleteSchedule)
  async remove(@Payload() request: RpcRequest<DeleteSchedule>): Promise<null> {
    const context = organizationContextOf(request);
    await this.write(async (tx) => {
      const current = await this.store.load(tx, context.orgId, request.data.scheduleId, { forUpdate: true });
      await tx.query('UPDATE schedules SET deleted_at = now() WHERE id = $1', [current.row.id]);
      await tx.query('DELETE FROM coverage_gaps WHERE schedule_id = $1', [current.row.id]);
      await this.recordChange(
        tx,
        context,
        request.data.actor,
        'deleted',
        current.row.id,
        toScheduleView(current),
        null,
      );
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
    return enqueueConfigurationChange(tx, 'scheduling', context, {
      resourceType: 'schedule',
      resourceId: scheduleId,
      action,
      actor: personActor(actor),
      before,
      after,
    });
  }

  private async write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new RpcError('CONFLICT', 'A schedule with this name already exists.');
      throw error;
    }
  }
}

async function insertRevision(
  tx: EntityManager,
  scheduleId: string,
  revision: number,
  effectiveFrom: Date | null,
  timeZone: string,
  layers: unknown,
  createdBy: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO schedule_revisions (schedule_id, revision, effective_from, time_zone, layers, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [scheduleId, revision, effectiveFrom, timeZone, JSON.stringify(layers), createdBy, now],
  );
}
