import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { queryRows } from '@oncall/platform-persistence';
import { LOGGER } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { IncidentCommandExecutor } from '../execute-command/incident-command-executor';

const POLL_MS = 1_000;

/**
 * Ends snoozes when they are due: claims due timers with FOR UPDATE SKIP LOCKED (safe with replicas) and
 * sends EndSnooze, which returns the incident to triggered so it pages again. A timer for a snooze that was
 * already cancelled or moved decides nothing (the command carries the time it fired).
 */
@Injectable()
export class SnoozeTimerWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: IncidentCommandExecutor,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.fireDue()
        .catch((error: Error) => this.logger.error({ err: error }, 'Snooze timers failed'))
        .then(() => (this.running = undefined));
    }, POLL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Fires every timer due at `now`; returns how many fired. */
  async fireDue(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due = await queryRows<{ incident_id: string; org_id: string }>(
        tx,
        `SELECT incident_id, org_id FROM incident_timers WHERE kind = 'snooze' AND due_at <= $1
         ORDER BY due_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const timer of due) {
        await this.executor.execute(
          {
            command: {
              type: 'EndSnooze',
              data: { incidentId: timer.incident_id, orgId: timer.org_id },
              by: { kind: 'system', reason: 'snooze-ended' },
              at: now.toISOString(),
            },
          },
          { orgId: timer.org_id, correlationId: randomUUID(), causationId: null },
        );
        await tx.query(`DELETE FROM incident_timers WHERE incident_id = $1 AND kind = 'snooze'`, [
          timer.incident_id,
        ]);
      }
      return due.length;
    });
  }
}
