import { Injectable } from '@nestjs/common';
import { ScheduleDefinition, ScheduleView } from '@oncall/contracts';
import { badRequestFor } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { requireActiveUsers, requireOrgReference } from '../directory/shared/org-references';

/**
 * What a schedule change names must be the caller's organization's: the team, every participant and every
 * override's person (active users), and every layer id it keeps (a layer of the schedule being edited).
 */
@Injectable()
export class ScheduleReferences {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `current` is the schedule being replaced, or absent for a new one. A layer keeps its identity by
   * sending its id, so an id must be one of the schedule's own layers; a new schedule has none yet.
   */
  async check(orgId: string, definition: ScheduleDefinition, current?: ScheduleView): Promise<void> {
    const ownLayers = new Set((current?.layers ?? []).map((layer) => layer.id.toLowerCase()));
    const strangers = definition.layers.flatMap((layer, i) =>
      layer.id && !ownLayers.has(layer.id.toLowerCase()) ? [{ field: `layers.${i}.id`, id: layer.id }] : [],
    );
    if (strangers.length > 0) {
      throw badRequestFor(
        strangers.map(({ field, id }) => ({
          field,
          message: current
            ? `${field}: ${id} is not a layer of this schedule; omit the id for a new layer`
            : `${field}: a new schedule's layers have no id yet; omit it`,
        })),
      );
    }
    const db = this.dataSource.manager;
    if (definition.teamId) await requireOrgReference(db, 'teams', orgId, definition.teamId, 'teamId');
    await requireActiveUsers(
      db,
      orgId,
      definition.layers.flatMap((layer, i) =>
        layer.participants.map((userId, j) => ({ field: `layers.${i}.participants.${j}`, userId })),
      ),
    );
  }

  /** The person an override gives time to: an active user of the organization. */
  async checkOverride(orgId: string, userId: string): Promise<void> {
    await requireActiveUsers(this.dataSource.manager, orgId, [{ field: 'userId', userId }]);
  }
}
