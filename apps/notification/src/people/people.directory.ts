import { Inject, Injectable } from '@nestjs/common';
import { activeManagersOf, UserState } from '@oncall/contracts';
import { inOrganization, LocalStateCopies, MessageBus } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * People as the directory last published them (a local copy, ADR 0120): who to page at which account
 * email, in which time zone, and who manages each organization. Paging never waits on admin-api.
 */
@Injectable()
export class PeopleDirectory extends LocalStateCopies {
  private readonly users = this.directoryCopy<UserState>('user');

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
  }

  /** Every change to a person (the initial load included), in stream order. */
  onChange(listener: (user: UserState) => void): void {
    this.users.onChange((record) => {
      if (!record.deleted && record.view) listener(record.view);
    });
  }

  /** A person of `orgId`; undefined while the copy does not know them (yet) or for another organization. */
  person(orgId: string, userId: string): UserState | undefined {
    return inOrganization(orgId, this.users.get(userId));
  }

  /** The organization's active managers: who hears of coverage gaps and unanswered incidents. */
  managers(orgId: string): UserState[] {
    return activeManagersOf(this.users.views(), orgId);
  }

  /** Everyone the copy holds (for provisioning their defaults). */
  everyone(): UserState[] {
    return [...this.users.views()];
  }
}
