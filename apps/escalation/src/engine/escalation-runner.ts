import { Inject, Injectable } from '@nestjs/common';
import {
  decideAndEvolve,
  EscalationContext,
  EscalationDecision,
  EscalationInput,
  initialEscalationState,
} from '@oncall/escalation-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { EntityManager } from 'typeorm';
import { DirectoryCopies } from '../local-copies/directory-copies';
import { localTargetLookup } from '../local-copies/local-target-lookup';
import { ScheduleCopies } from '../local-copies/schedule-copies';
import { performDecisions } from './perform-decisions';
import { loadProcess, roundRobinOffsets, saveProcess, StoredProcess } from './process.store';

/** What caused an input: the message (or timer) its effects are correlated with. */
export interface InputCause {
  correlationId: string;
  causationId: string | null;
}

/** Only a trigger may start a process: it brings the organization and the incident as pages show it. */
export type StartingProcess = Omit<StoredProcess, 'state'>;

/**
 * Load → decide → perform → save for one incident, in the caller's transaction (the consumer's or the
 * timer worker's). The process row is locked first, so one incident is decided by one replica at a time.
 */
@Injectable()
export class EscalationRunner {
  constructor(
    private readonly directory: DirectoryCopies,
    private readonly schedules: ScheduleCopies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    tx: EntityManager,
    input: EscalationInput,
    cause: InputCause,
    starting: StartingProcess | null = null,
  ): Promise<EscalationDecision[]> {
    const stored = (await loadProcess(tx, input.incidentId)) ?? startOf(starting);
    if (!stored) return [];
    const offsets = await roundRobinOffsets(tx, policyIdOf(stored, input));
    const context: EscalationContext = {
      lookup: localTargetLookup(stored.orgId, this.directory, this.schedules),
      roundRobinOffset: (_policyId, level) => offsets.get(level) ?? 0,
    };
    const { decisions, state } = decideAndEvolve(input, stored.state, context);
    if (decisions.length === 0) return decisions;
    const now = this.clock.now();
    await performDecisions(
      tx,
      decisions,
      {
        incident: stored.incident,
        ...cause,
        now,
        nameOf: (userId) => this.directory.user(stored.orgId, userId)?.name ?? null,
        managers: () => this.directory.managers(stored.orgId).map((user) => user.userId),
      },
      stored.orgId,
    );
    await saveProcess(tx, input.incidentId, { ...stored, state }, now);
    return decisions;
  }
}

function startOf(starting: StartingProcess | null): StoredProcess | null {
  return starting ? { ...starting, state: initialEscalationState } : null;
}

/** The policy whose round-robin offsets the decision may read (none without a round-robin step). */
function policyIdOf(stored: StoredProcess, input: EscalationInput): string | null {
  const policy = stored.state.phase !== 'none' ? stored.state.policy : input.type === 'Triggered' ? input.policy : null; // prettier-ignore
  return policy?.steps.some((step) => step.strategy === 'round-robin') ? policy.id : null;
}
