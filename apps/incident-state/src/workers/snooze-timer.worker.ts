import { Inject, Injectable } from '@nestjs/common';
import { ExecuteIncidentCommand } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER, PolledService } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { IncidentCommandExecutor } from '../execute-command/incident-command-executor';
import { DueTimer, SnoozeTimerStore } from './snooze-timer-store';

const POLL_MS = 1_000;
const BATCH = 50;
/** A timer whose command failed waits this long, so it cannot starve the timers due after it. */
export const SNOOZE_RETRY_MS = 30_000;

/** The command a due snooze timer sends; `at` is when it fired, so a moved snooze decides nothing. */
export function endSnoozeCommand(timer: DueTimer, now: Date): ExecuteIncidentCommand {
  return {
    command: {
      type: 'EndSnooze',
      data: { incidentId: timer.incidentId, orgId: timer.orgId },
      by: { kind: 'system', reason: 'snooze-ended' },
      at: now.toISOString(),
    },
  };
}

/**
 * Ends snoozes when they are due, returning the incident to triggered so it pages again. Each timer is
 * claimed (FOR UPDATE SKIP LOCKED, safe with replicas), fired and deleted in a short transaction of its
 * own: one failing timer is logged and retried later instead of holding up the others, and no long
 * transaction holds back readers of the event store.
 */
@Injectable()
export class SnoozeTimerWorker extends PolledService {
  private readonly timers: SnoozeTimerStore;

  constructor(
    dataSource: DataSource,
    private readonly executor: IncidentCommandExecutor,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(logger, { name: 'Snooze timers', idleMs: POLL_MS });
    this.timers = new SnoozeTimerStore(dataSource);
  }

  protected async pass(): Promise<boolean> {
    return (await this.fireDue()) > 0;
  }

  /** Fires every timer due at `now` (the platform clock's: a fast-forwarded test ends snoozes too); returns how many fired. */
  async fireDue(now = this.clock.now()): Promise<number> {
    let fired = 0;
    for (const timer of await this.timers.due(now, BATCH)) {
      if (await this.fire(timer, now)) fired++;
    }
    return fired;
  }

  private async fire(timer: DueTimer, now: Date): Promise<boolean> {
    try {
      return await this.timers.claimAndFinish(timer, () =>
        this.executor.execute(endSnoozeCommand(timer, now), {
          orgId: timer.orgId,
          correlationId: randomUUID(),
          causationId: null,
        }),
      );
    } catch (error) {
      const retryAt = new Date(now.getTime() + SNOOZE_RETRY_MS);
      this.logger.error(
        { err: error, incidentId: timer.incidentId, orgId: timer.orgId, retryAt: retryAt.toISOString() },
        'A snooze timer failed to end its snooze; it will be retried',
      );
      await this.timers.postpone(timer, retryAt);
      return false;
    }
  }
}
