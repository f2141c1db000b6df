import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { PassOutcome, PollingLoop } from '@oncall/platform-polling';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { PsaConnection } from '../adapters/psa-adapter.port';
import { LEASE_RENEWAL_MS, TicketLanes } from '../links/ticket-lanes.store';
import { LinkKey } from '../links/ticket-link.rows';
import { TicketLaneRunner } from './ticket-lane.runner';

/** Lanes one replica works on at once (each holds a database connection only between its statements). */
const CONCURRENT_LANES = 8;
/** Longest wait between two looks for due lanes (a lease left by a crashed replica expires meanwhile). */
const MAX_IDLE_MS = 500;

/**
 * The PSA outbox's worker (ADR 0162): claims due lanes on the platform clock, runs several at once, keeps
 * their leases, and looks again when a lane finishes, a request or event pokes it, or the clock jumps.
 */
@Injectable()
export class TicketDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;
  private readonly running = new Map<Promise<void>, LinkKey>();
  private renewal?: NodeJS.Timeout;
  private unsubscribeJump?: () => void;

  constructor(
    private readonly connection: PsaConnection,
    private readonly lanes: TicketLanes,
    private readonly runner: TicketLaneRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop(() => this.pass(), logger, { name: 'PSA dispatcher', idleMs: MAX_IDLE_MS });
  }

  onApplicationBootstrap(): void {
    if (!this.connection.configured) return;
    this.unsubscribeJump = this.clock.onJump(() => this.loop.poke());
    this.renewal = setInterval(() => {
      this.lanes
        .renewLeases([...this.running.values()])
        .catch((error: Error) => this.logger.warn({ err: error }, 'Lease renewal failed'));
    }, LEASE_RENEWAL_MS);
    this.loop.start();
  }

  /** Stops claiming, and lets the lanes in hand finish their call and record it (bounded by its timeout). */
  async onModuleDestroy(): Promise<void> {
    this.unsubscribeJump?.();
    await this.loop.stop();
    await Promise.allSettled([...this.running.keys()]);
    clearInterval(this.renewal);
  }

  /** Work was just made due (a reservation, a note): look now. */
  poke(): void {
    this.loop.poke();
  }

  private async pass(): Promise<PassOutcome> {
    const keys = await this.lanes.claimDue(this.clock.now(), CONCURRENT_LANES - this.running.size);
    for (const key of keys) {
      const lane: Promise<void> = this.runner
        .run(key)
        .catch((error: Error) =>
          this.logger.error({ err: error, ...key }, 'A PSA lane failed; its lease will lapse'),
        )
        .finally(() => {
          this.running.delete(lane);
          this.loop.poke();
        });
      this.running.set(lane, key);
    }
    if (keys.length > 0) return true;
    if (this.running.size >= CONCURRENT_LANES) return false;
    return (await this.lanes.nextDueInMs(this.clock.now())) ?? false;
  }
}
