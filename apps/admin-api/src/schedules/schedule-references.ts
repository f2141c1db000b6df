import { Injectable } from '@nestjs/common';
import { ScheduleDefinition } from '@oncall/contracts';
import { DirectoryPeople } from './directory-people';

/** What a definition names from the directory must exist in the caller's organization (and be active). */
@Injectable()
export class ScheduleReferences {
  constructor(private readonly people: DirectoryPeople) {}

  async check(orgId: string, definition: ScheduleDefinition): Promise<void> {
    if (definition.teamId) await this.people.requireTeam(orgId, definition.teamId);
    await this.people.requireActive(
      orgId,
      definition.layers.flatMap((layer, i) =>
        layer.participants.map((userId, j) => ({ field: `layers.${i}.participants.${j}`, userId })),
      ),
    );
  }
}
