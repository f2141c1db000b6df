import { Inject, Injectable } from '@nestjs/common';
import { afterOutcome, nextStep } from '@oncall/psa-domain';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { PsaConnection } from '../adapters/psa-adapter.port';
import { LaneRecords } from '../links/lane-records';
import { TicketLanes } from '../links/ticket-lanes.store';
import { LinkKey } from '../links/ticket-link.rows';
import { PsaCalls } from './psa-calls';

/** Steps one claim may take before the lane goes back to the queue, so a long backlog cannot hog a slot. */
const STEPS_PER_CLAIM = 20;

/**
 * Works one claimed lane: load → next step → count the attempt → call the PSA (no transaction open) →
 * decide → record, until it is idle, waits out a failure, or loses its lease.
 */
@Injectable()
export class TicketLaneRunner {
  constructor(
    private readonly connection: PsaConnection,
    private readonly lanes: TicketLanes,
    private readonly records: LaneRecords,
    private readonly calls: PsaCalls,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(key: LinkKey): Promise<void> {
    const capabilities = this.connection.adapter?.capabilities ?? { findByExternalId: false };
    for (let taken = 0; taken < STEPS_PER_CLAIM; taken++) {
      const lane = await this.lanes.load(key);
      if (!lane) return;
      const domainLane = {
        link: { state: lane.link.state, attempts: lane.link.attempts, ticket: ticketOf(lane.link) },
        operation: lane.operation,
      };
      const step = nextStep(domainLane, capabilities);
      if (step.kind === 'idle') return this.lanes.release(key, lane.link.work_version, this.calls.now());
      const attempt = await this.lanes.startAttempt(key, step);
      if (attempt === undefined) return;
      const { outcome, detail } = await this.calls.perform(step, lane);
      const now = this.calls.now();
      const decision = afterOutcome(step, outcome, {
        now: now.toISOString(),
        attempt,
        random: Math.random(),
      });
      if (decision.kind === 'retry' || decision.kind === 'ticket-failed')
        this.logger.warn({ ...key, step: step.kind, attempt, failure: decision.failure }, 'PSA call failed');
      const context = { correlationId: `psa:${key.incidentId}`, causationId: null, occurredAt: now };
      const kept = await this.records.record(this.lanes.owner, key, step, decision, detail, context);
      if (!kept || decision.kind === 'retry' || decision.kind === 'ticket-failed') return;
    }
    await this.lanes.yieldTurn(key, this.calls.now());
  }
}

function ticketOf(link: { provider: string | null; ticket_id: string | null; url: string | null }) {
  return link.ticket_id
    ? { provider: link.provider ?? 'psa', ticketId: link.ticket_id, url: link.url }
    : null;
}
