import type {
  EscalationStepDefinition,
  EscalationStepStrategy,
  EscalationTarget,
} from './escalation-policy.types';

/** A step as the engine walks it: numbered from 1 (its escalation level), strategy filled in. */
export interface SnapshotStep {
  readonly level: number;
  readonly delayMinutes: number;
  readonly targets: readonly EscalationTarget[];
  readonly strategy: EscalationStepStrategy;
}

/**
 * The policy as it was when the incident triggered. The engine walks this copy for the incident's whole
 * life, so editing the policy changes new incidents only (Grafana OnCall's escalation snapshot).
 */
export interface PolicySnapshot {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly repeatCount: number;
  readonly steps: readonly SnapshotStep[];
}

/** What a stored policy offers to snapshot (the escalation service's policy view fits). */
export interface SnapshotSource {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly repeatCount: number;
  readonly steps: readonly EscalationStepDefinition[];
}

/** A deep copy of the policy's steps and repeats, with each step's level and strategy written out. */
export function snapshotPolicy(policy: SnapshotSource): PolicySnapshot {
  return {
    id: policy.id,
    version: policy.version,
    name: policy.name,
    repeatCount: policy.repeatCount,
    steps: policy.steps.map((step, index) => ({
      level: index + 1,
      delayMinutes: step.delayMinutes,
      targets: step.targets.map((target) => ({ type: target.type, id: target.id })),
      strategy: step.strategy ?? 'all',
    })),
  };
}
