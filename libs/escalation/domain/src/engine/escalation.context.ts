import type { TargetLookup } from '../targets/target-lookup';

/** What the engine reads besides its own state, answered by the service from its local copies. */
export interface EscalationContext {
  readonly lookup: TargetLookup;
  /** The rotation offset stored for a round-robin step of a policy; 0 when none is stored yet. */
  roundRobinOffset(policyId: string, level: number): number;
}
