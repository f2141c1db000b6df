import type { EscalationPolicyDefinition, EscalationTargetType } from './escalation-policy.types';

/** A target of a policy, with the field that names it (for errors about the referenced user or schedule). */
export interface TargetReference {
  type: EscalationTargetType;
  id: string;
  /** e.g. `steps[1].targets[0].id` */
  path: string;
}

/** Every target of every step, in order; a user or schedule used in several steps appears each time. */
export function targetReferences(definition: EscalationPolicyDefinition): TargetReference[] {
  return definition.steps.flatMap((step, stepIndex) =>
    step.targets.map((target, targetIndex) => ({
      type: target.type,
      id: target.id,
      path: `steps[${stepIndex}].targets[${targetIndex}].id`,
    })),
  );
}

/** For each schedule the policy pages, the steps that page it, numbered from 1 like escalation levels. */
export function stepNumbersBySchedule(definition: EscalationPolicyDefinition): Map<string, number[]> {
  const steps = new Map<string, number[]>();
  definition.steps.forEach((step, index) => {
    for (const target of step.targets) {
      if (target.type !== 'schedule') continue;
      const numbers = steps.get(target.id) ?? [];
      if (numbers[numbers.length - 1] !== index + 1) numbers.push(index + 1);
      steps.set(target.id, numbers);
    }
  });
  return steps;
}
