import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DIRECTORY_STATE_CONTEXT, UserState } from '@oncall/contracts';
import { MessageBus, StateReplica } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * People as the directory last published them (a local copy, ADR 0120): who to page at which account
 * email, in which time zone, and who manages each organization. Paging never waits on admin-api.
 */
@Injectable()
export class PeopleDirectory implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly users: StateReplica<UserState>;
  private starting?: Promise<void>;

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    this.users = new StateReplica(bus, { context: DIRECTORY_STATE_CONTEXT, resourceType: 'user' }, logger);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.ready();
  }

  ready(): Promise<void> {
    this.starting ??= this.users.start();
    return this.starting;
  }

  onModuleDestroy(): Promise<void> {
    return this.users.stop();
  }

  /** Every change to a person (the initial load included), in stream order. */
  onChange(listener: (user: UserState) => void): void {
    this.users.onChange((record) => {
      if (!record.deleted && record.view) listener(record.view);
    });
  }

  /** A person of `orgId`; undefined while the copy does not know them (yet) or for another organization. */
  person(orgId: string, userId: string): UserState | undefined {
    const user = this.users.get(userId);
    return user && user.orgId === orgId ? user : undefined;
  }

  /** The organization's active managers: who hears of coverage gaps and unanswered incidents. */
  managers(orgId: string): UserState[] {
    const managers: UserState[] = [];
    for (const user of this.users.views()) {
      if (user.orgId === orgId && user.role === 'manager' && user.active) managers.push(user);
    }
    return managers.sort((a, b) => a.userId.localeCompare(b.userId));
  }

  /** Everyone the copy holds (for provisioning their defaults). */
  everyone(): UserState[] {
    return [...this.users.views()];
  }
}
