import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingLoop } from '@oncall/platform-outbox';
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
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: IncidentCommandExecutor,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.loop = new PollingLoop(async () => (await this.fireDue()) > 0, logger, {
      name: 'Snooze timers',
      idleMs: POLL_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
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
