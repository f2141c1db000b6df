import type {
  EscalationPolicyDefinition,
  EscalationStepDefinition,
  EscalationStepStrategy,
  EscalationTarget,
} from './escalation-policy-wire.types';
import type { SchedulingActor } from '../scheduling/schedule-messages';

export type {
  EscalationPolicyDefinition,
  EscalationStepDefinition,
  EscalationStepStrategy,
  EscalationTarget,
};

/** Who changes a policy, as admin-api verified them; recorded in the ConfigurationChanged event. */
export type EscalationActor = SchedulingActor;

/** The configuration resource type of a policy in `ConfigurationChanged` events. */
export const ESCALATION_POLICY_RESOURCE = 'escalation-policy';

/** A stored policy: the definition as normalized by the escalation service, and its identity. */
export interface EscalationPolicyView {
  id: string;
  orgId: string;
  name: string;
  description: string;
  repeatCount: number;
  steps: EscalationStepDefinition[];
  /** 1 at creation, +1 per change; pass it back as `expectedVersion` to update or delete safely. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `Commands.escalation.createPolicy`; answers the EscalationPolicyView. */
export interface CreateEscalationPolicyCommand {
  actor: EscalationActor;
  definition: EscalationPolicyDefinition;
}

/**
 * `Commands.escalation.updatePolicy`: replaces the whole definition; answers the EscalationPolicyView.
 * A stale `expectedVersion` is refused with CONFLICT; a definition equal to the stored one changes nothing.
 */
export interface UpdateEscalationPolicyCommand {
  actor: EscalationActor;
  policyId: string;
  definition: EscalationPolicyDefinition;
  expectedVersion?: number;
}

/** `Commands.escalation.deletePolicy`; answers the policy as it was. A stale `expectedVersion` → CONFLICT. */
export interface DeleteEscalationPolicyCommand {
  actor: EscalationActor;
  policyId: string;
  expectedVersion?: number;
}

/** `Queries.escalation.getPolicy`; another organization's policy is NOT_FOUND, like a missing one. */
export interface GetEscalationPolicyQuery {
  policyId: string;
}

/** `Queries.escalation.listPolicies`: oldest first, keyset-paginated like the directory lists. */
export interface ListEscalationPoliciesQuery {
  cursor?: string;
  limit?: number;
}

export interface EscalationPolicyPage {
  items: EscalationPolicyView[];
  nextCursor: string | null;
}

/** `Queries.escalation.policiesBySchedule` */
export interface PoliciesByScheduleQuery {
  scheduleIds: string[];
}

export interface PolicyUsingSchedule {
  policyId: string;
  name: string;
  /** The steps (numbered from 1, like escalation levels) that page the schedule. */
  stepNumbers: number[];
}

/** Every requested schedule id is a key; a schedule no policy pages maps to []. Policies sorted by name. */
export type PoliciesByScheduleAnswer = Record<string, PolicyUsingSchedule[]>;
