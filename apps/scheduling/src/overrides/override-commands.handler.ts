import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateOverrideRequest,
  OverrideView,
  RpcRequest,
  SchedulingActor,
  SchedulingCommands,
} from '@oncall/contracts';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { enqueueConfigurationChange, personActor } from '@oncall/platform-outbox';
import { queryRows } from '@oncall/platform-persistence';
import { renderScheduleHistory, technicianMayCreateOverride } from '@oncall/scheduling-domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GapScanner } from '../coverage/gap-scanner';
import { participantsOf } from '../schedules/schedule-definition';
import { currentRevision, OverrideRow, toHistory, toOverrideView } from '../store/schedule-rows';
import { ScheduleStore } from '../store/schedule-store';

interface DeleteOverride {
  actor: SchedulingActor;
  scheduleId: string;
  overrideId: string;
}

/**
 * Overrides: managers create any; technicians take time themselves or hand over their own shifts (the
 * domain rule decides with the final schedule as it stands). The past is frozen: an override cannot start
 * before now, and removing one that is under way ends it now instead of erasing it.
 */
@Controller()
export class OverrideCommandsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ScheduleStore,
    private readonly gaps: GapScanner,
  ) {}

  @MessagePattern(SchedulingCommands.createOverride)
  async create(
    @Payload() request: RpcRequest<CreateOverrideRequest & { actor: SchedulingActor }>,
  ): Promise<OverrideView> {
    const context = organizationContextOf(request);
    const { actor, scheduleId, userId, reason } = request.data;
    const now = new Date();
    const { start, end } = futureWindow(request.data.start, request.data.end, now);
    const view = await this.dataSource.transaction(async (tx) => {
      const schedule = await this.store.load(tx, context.orgId, scheduleId, {
        forUpdate: true,
        overridesAfter: start,
      });
      if (actor.role === 'owner') throw new RpcError('FORBIDDEN', 'Owners cannot change schedules.');
      if (actor.role === 'technician') {
        const shifts = renderScheduleHistory(toHistory(schedule), { start, end });
        const decision = technicianMayCreateOverride(
          actor.userId,
          participantsOf(currentRevision(schedule).layers),
          shifts,
          {
            userId,
            start: start.toISOString(),
            end: end.toISOString(),
          },
        );
        if (!decision.allowed) throw new RpcError('FORBIDDEN', decision.reason);
      }
      const [row] = await queryRows<OverrideRow>(
        tx,
        `INSERT INTO overrides (id, org_id, schedule_id, user_id, starts_at, ends_at, reason, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [randomUUID(), context.orgId, scheduleId, userId, start, end, reason ?? '', actor.userId, now],
      );
      const after = toOverrideView(row);
      await enqueueConfigurationChange(tx, 'scheduling', context, {
        resourceType: 'schedule-override',
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

  @MessagePattern(SchedulingCommands.deleteOverride)
  async remove(@Payload() request: RpcRequest<DeleteOverride>): Promise<OverrideView | null> {
    const context = organizationContextOf(request);
    const { actor, scheduleId, overrideId } = request.data;
    const now = new Date();
    const result = await this.dataSource.transaction(async (tx) => {
      const [row] = await queryRows<OverrideRow>(
        tx,
        'SELECT * FROM overrides WHERE org_id = $1 AND schedule_id = $2 AND id = $3 FOR UPDATE',
        [context.orgId, scheduleId, overrideId],
      );
      if (!row) throw new RpcError('NOT_FOUND', `No override ${overrideId} on this schedule.`);
      if (actor.role !== 'manager' && row.created_by !== actor.userId && row.user_id !== actor.userId) {
        throw new RpcError(
          'FORBIDDEN',
          'Technicians can only remove overrides they created or that give them the shift.',
        );
      }
      if (row.ends_at <= now)
        throw new RpcError('CONFLICT', 'This override is over; the past cannot be changed.');
      const underWay = row.starts_at < now;
      const [after] = underWay
        ? await queryRows<OverrideRow>(tx, 'UPDATE overrides SET ends_at = $2 WHERE id = $1 RETURNING *', [
            row.id,
            now,
          ])
        : await queryRows<OverrideRow>(tx, 'DELETE FROM overrides WHERE id = $1 RETURNING *', [row.id]).then(
            () => [null],
          );
      await enqueueConfigurationChange(tx, 'scheduling', context, {
        resourceType: 'schedule-override',
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
}

/** [start, end) moved out of the past; refused when nothing of it is left. */
function futureWindow(start: string, end: string, now: Date): { start: Date; end: Date } {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) {
    throw new RpcError('VALIDATION_FAILED', 'end must be after start.', {
      errors: [{ field: 'end', message: 'end must be after start' }],
    });
  }
  if (to <= now) {
    throw new RpcError(
      'VALIDATION_FAILED',
      'The override is entirely in the past; the past cannot be changed.',
      {
        errors: [{ field: 'end', message: 'end must be in the future' }],
      },
    );
  }
  return { start: from < now ? now : from, end: to };
}
