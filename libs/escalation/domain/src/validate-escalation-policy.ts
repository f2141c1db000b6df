import {
  ESCALATION_POLICY_LIMITS as LIMITS,
  ESCALATION_STEP_STRATEGIES,
  ESCALATION_TARGET_TYPES,
  EscalationPolicyProblem,
  EscalationStepDefinition,
  EscalationStepStrategy,
  EscalationTarget,
  NormalizedEscalationPolicy,
} from './escalation-policy.types';
import type { Report } from '@oncall/shared-input-checks';
import {
  checkList,
  checkText,
  isRecord,
  isWholeNumberIn,
  reportUnknownFields,
  show,
} from '@oncall/shared-input-checks';

export class InvalidEscalationPolicyError extends Error {
  constructor(readonly problems: readonly EscalationPolicyProblem[]) {
    super(
      `Invalid escalation policy: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`,
    );
    this.name = 'InvalidEscalationPolicyError';
  }
}

export type EscalationPolicyCheck =
  { ok: true; definition: NormalizedEscalationPolicy } | { ok: false; problems: EscalationPolicyProblem[] };

const POLICY_FIELDS = ['name', 'description', 'repeatCount', 'steps'];
const STEP_FIELDS = ['delayMinutes', 'targets', 'strategy'];
const TARGET_FIELDS = ['type', 'id'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a definition as received (any shape) and answers it normalized: name and description trimmed,
 * description '' and repeatCount 0 when absent, ids in lower case, a step's strategy only when it is
 * round-robin (absent means all), no other fields. Every problem is reported at once, each naming its field.
 */
export function checkEscalationPolicy(input: unknown): EscalationPolicyCheck {
  const problems: EscalationPolicyProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(input)) {
    report('definition', 'must be an object with name, repeatCount and steps');
    return { ok: false, problems };
  }
  reportUnknownFields(input, POLICY_FIELDS, '', 'a policy', report);
  const name = checkText(input.name, 'name', { min: 1, max: LIMITS.nameMaxLength }, report);
  const description =
    input.description === undefined || input.description === null
      ? ''
      : checkText(input.description, 'description', { min: 0, max: LIMITS.descriptionMaxLength }, report);
  const repeatCount = input.repeatCount ?? 0;
  if (!isWholeNumberIn(repeatCount, 0, LIMITS.maxRepeatCount)) {
    report(
      'repeatCount',
      `must be a whole number from 0 to ${LIMITS.maxRepeatCount} (times the policy runs again after the last step), got ${show(repeatCount)}`,
    );
  }
  const steps = checkSteps(input.steps, report);
  const definition = { name, description, repeatCount: repeatCount as number, steps };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition };
}

/** Every reason the definition is refused; empty when it is valid. */
export function validateEscalationPolicy(input: unknown): EscalationPolicyProblem[] {
  const check = checkEscalationPolicy(input);
  return check.ok ? [] : check.problems;
}

/** The normalized definition, or InvalidEscalationPolicyError with every problem. */
export function normalizeEscalationPolicy(input: unknown): NormalizedEscalationPolicy {
  const check = checkEscalationPolicy(input);
  if (!check.ok) throw new InvalidEscalationPolicyError(check.problems);
  return check.definition;
}

function checkSteps(steps: unknown, report: Report): EscalationStepDefinition[] {
  if (!Array.isArray(steps)) {
    report('steps', 'must be a list of steps');
    return [];
  }
  if (steps.length < 1 || steps.length > LIMITS.maxSteps) {
    report('steps', `must list 1 to ${LIMITS.maxSteps} steps, got ${steps.length}`);
  }
  return steps.map((step, index) => checkStep(step, `steps[${index}]`, report));
}

function checkStep(step: unknown, path: string, report: Report): EscalationStepDefinition {
  if (!isRecord(step)) {
    report(path, 'must be an object with delayMinutes and targets');
    return { delayMinutes: 0, targets: [] };
  }
  reportUnknownFields(step, STEP_FIELDS, path, 'a step', report);
  if (!isWholeNumberIn(step.delayMinutes, LIMITS.minDelayMinutes, LIMITS.maxDelayMinutes)) {
    report(
      `${path}.delayMinutes`,
      `must be a whole number of minutes from ${LIMITS.minDelayMinutes} to ${LIMITS.maxDelayMinutes}, got ${show(step.delayMinutes)}`,
    );
  }
  const targets = checkTargets(step.targets, path, report);
  const strategy = checkStrategy(step.strategy, path, report);
  return strategy === 'round-robin'
    ? { delayMinutes: step.delayMinutes as number, targets, strategy }
    : { delayMinutes: step.delayMinutes as number, targets };
}

function checkStrategy(strategy: unknown, stepPath: string, report: Report): EscalationStepStrategy {
  if (strategy === undefined || strategy === null) return 'all';
  if (ESCALATION_STEP_STRATEGIES.includes(strategy as EscalationStepStrategy)) {
    return strategy as EscalationStepStrategy;
  }
  report(`${stepPath}.strategy`, `must be 'all' or 'round-robin', got ${show(strategy)}`);
  return 'all';
}

function checkTargets(targets: unknown, stepPath: string, report: Report): EscalationTarget[] {
  return checkList(
    targets,
    `${stepPath}.targets`,
    {
      listOf: 'targets ({type: user | schedule | team, id})',
      entries: 'targets',
      maxEntries: LIMITS.maxTargetsPerStep,
      checkEntry: (target, path) => checkTarget(target, path, report),
      keyOf: (target) => (target.id ? `${target.type}:${target.id}` : undefined),
      repeats: (earlier, target) => `duplicates ${earlier} (${target.type} ${target.id}); list a target once`,
    },
    report,
  );
}

function checkTarget(target: unknown, path: string, report: Report): EscalationTarget {
  if (!isRecord(target)) {
    report(path, 'must be an object {type: user | schedule | team, id}');
    return { type: 'user', id: '' };
  }
  reportUnknownFields(target, TARGET_FIELDS, path, 'a target', report);
  const type = target.type as EscalationTarget['type'];
  if (!ESCALATION_TARGET_TYPES.includes(type)) {
    report(`${path}.type`, `must be 'user', 'schedule' or 'team', got ${show(target.type)}`);
  }
  const validId = typeof target.id === 'string' && UUID.test(target.id);
  if (!validId) {
    const what = type === 'schedule' || type === 'team' ? type : 'user';
    report(`${path}.id`, `must be the UUID of a ${what}, got ${show(target.id)}`);
  }
  return { type, id: validId ? (target.id as string).toLowerCase() : '' };
}
