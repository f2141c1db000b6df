import { Inject, Injectable } from '@nestjs/common';
import { PersonRef } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER, PolledService } from '@oncall/platform-runtime';
import { LRUCache } from 'lru-cache';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { Account, ensureDefaults } from '../contact-methods/contact-method.store';
import { PeopleDirectory } from './people.directory';

const BATCH = 500;
/**
 * People remembered as provisioned (their email then). Bounded: one forgotten is provisioned again when next
 * seen, which changes nothing (ensureDefaults inserts what is missing only).
 */
const REMEMBERED_PEOPLE = 100_000;

/**
 * Creates every person's default contact method and rules on first sight: each person the users copy
 * shows (just-in-time users included, the initial load included) is provisioned in the background, and
 * every path that needs a person's methods (a page, the API) makes sure first, so a page for someone the
 * background has not reached yet still finds their defaults. What the background committed is remembered.
 */
@Injectable()
export class AccountProvisioner extends PolledService {
  private readonly ensured = new LRUCache<string, string>({ max: REMEMBERED_PEOPLE });
  private readonly waiting = new Map<string, Account>();

  constructor(
    private readonly dataSource: DataSource,
    people: PeopleDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, { name: 'Account provisioning', idleMs: 1_000 });
    people.onChange((user) => this.seen({ orgId: user.orgId, userId: user.userId, email: user.email }));
  }

  /**
   * Runs work of the API for the person a request names (contact methods, rules), in one transaction that
   * first makes sure the person's defaults exist.
   */
  withPersonDefaults<T>(
    orgId: string,
    person: PersonRef,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await this.ensure(tx, { orgId, userId: person.userId, email: person.accountEmail });
      return work(tx);
    });
  }

  /** Makes sure one person's defaults exist, with the caller's transaction. */
  ensure(db: Pick<EntityManager, 'query'>, account: Account): Promise<void> {
    return this.ensureAll(db, [account]);
  }

  /**
   * Makes sure these people's defaults exist, in the caller's transaction: always one statement (it may
   * roll back, so nothing is remembered from it; the background remembers what it committed).
   */
  async ensureAll(db: Pick<EntityManager, 'query'>, accounts: readonly Account[]): Promise<void> {
    const unique = [...new Map(accounts.map((account) => [keyOf(account), account])).values()];
    await ensureDefaults(db, unique, this.clock.now());
  }

  private seen(account: Account): void {
    if (this.ensured.get(keyOf(account)) === account.email) return;
    this.waiting.set(keyOf(account), account);
    this.poke();
  }

  /** Provisions the people seen since the last pass, a batch per statement. */
  protected async pass(): Promise<boolean> {
    if (this.waiting.size === 0) return false;
    const batch = [...this.waiting.values()].slice(0, BATCH);
    await ensureDefaults(this.dataSource, batch, this.clock.now());
    for (const account of batch) {
      this.ensured.set(keyOf(account), account.email);
      if (this.waiting.get(keyOf(account)) === account) this.waiting.delete(keyOf(account));
    }
    return this.waiting.size > 0;
  }
}

function keyOf(account: Pick<Account, 'orgId' | 'userId'>): string {
  return `${account.orgId}\u0000${account.userId}`;
}
