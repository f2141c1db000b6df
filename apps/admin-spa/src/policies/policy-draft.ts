/** The step editor's form state, its checks before sending, and the body it sends (pure, tested). */
export type TargetType = 'user' | 'schedule' | 'team';
export type Strategy = 'all' | 'round-robin';

export interface TargetDraft {
  type: TargetType;
  id: string;
}
export interface StepDraft {
  delayMinutes: string;
  strategy: Strategy;
  targets: TargetDraft[];
}
export interface PolicyDraft {
  name: string;
  description: string;
  repeatCount: string;
  steps: StepDraft[];
}

/** A stored policy as GET /api/v1/escalation-policies answers it. */
export interface PolicyView {
  id: string;
  name: string;
  description: string;
  repeatCount: number;
  steps: { delayMinutes: number; strategy?: Strategy; targets: TargetDraft[] }[];
  version: number;
}

/** Same bounds as the API (ESCALATION_POLICY_LIMITS in libs/contracts). */
export const LIMITS = {
  maxSteps: 20,
  maxTargetsPerStep: 10,
  maxDelayMinutes: 1440,
  maxRepeatCount: 9,
  nameMax: 200,
};

export function emptyStep(): StepDraft {
  return { delayMinutes: '30', strategy: 'all', targets: [] };
}

export function draftOf(policy: PolicyView | null): PolicyDraft {
  if (!policy) return { name: '', description: '', repeatCount: '0', steps: [emptyStep()] };
  return {
    name: policy.name,
    description: policy.description,
    repeatCount: String(policy.repeatCount),
    steps: policy.steps.map((step) => ({
      delayMinutes: String(step.delayMinutes),
      strategy: step.strategy ?? 'all',
      targets: step.targets.map((target) => ({ ...target })),
    })),
  };
}

/** Problems the API would answer, found before sending; keyed by the API's field paths. */
export function draftProblems(draft: PolicyDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.name.trim()) problems.name = 'Give the policy a name.';
  else if (draft.name.length > LIMITS.nameMax) problems.name = `At most ${LIMITS.nameMax} characters.`;
  if (!isIntIn(draft.repeatCount, 0, LIMITS.maxRepeatCount)) {
    problems.repeatCount = `A whole number from 0 to ${LIMITS.maxRepeatCount}.`;
  }
  if (draft.steps.length === 0) problems.steps = 'Add at least one step.';
  draft.steps.forEach((step, index) => {
    if (!isIntIn(step.delayMinutes, 1, LIMITS.maxDelayMinutes)) {
      problems[`steps.${index}.delayMinutes`] = `Minutes from 1 to ${LIMITS.maxDelayMinutes}.`;
    }
    const chosen = step.targets.filter((target) => target.id);
    if (chosen.length === 0) problems[`steps.${index}.targets`] = 'Choose who this step pages.';
    const keys = chosen.map((target) => `${target.type}:${target.id}`);
    if (new Set(keys).size !== keys.length) problems[`steps.${index}.targets`] = 'Each target once per step.';
  });
  return problems;
}

/** Body of POST / PUT /api/v1/escalation-policies. */
export function bodyOf(draft: PolicyDraft, expectedVersion?: number) {
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || undefined,
    repeatCount: Number(draft.repeatCount),
    steps: draft.steps.map((step) => ({
      delayMinutes: Number(step.delayMinutes),
      strategy: step.strategy,
      targets: step.targets.filter((target) => target.id).map(({ type, id }) => ({ type, id })),
    })),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
}

function isIntIn(value: string, min: number, max: number): boolean {
  if (!/^\d+$/.test(value.trim())) return false;
  const number = Number(value);
  return number >= min && number <= max;
}
