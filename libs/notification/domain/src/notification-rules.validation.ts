import { INCIDENT_URGENCIES, type Urgency } from '@oncall/incident-domain';
import {
  ContactMethod,
  NOTIFICATION_RULE_LIMITS as LIMITS,
  NotificationProblem,
  NotificationRules,
  NotificationRuleStep,
} from './notification.types';
import { isRecord, show } from './input-shape';

export type NotificationRulesCheck =
  { ok: true; rules: NotificationRules } | { ok: false; problems: NotificationProblem[] };

const STEP_FIELDS = ['contactMethodId', 'delayMinutes'];

type Report = (path: string, message: string) => void;

/**
 * Checks a person's rules as received (any shape) against their own contact methods and answers them
 * normalized: each urgency's steps ordered by delay. Every urgency needs at least one step: a person on
 * call cannot opt out of being paged, only choose how.
 */
export function checkNotificationRules(
  input: unknown,
  methods: readonly ContactMethod[],
): NotificationRulesCheck {
  const problems: NotificationProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  if (!isRecord(input)) {
    report(
      'rules',
      `must be an object with one list of steps per urgency (${INCIDENT_URGENCIES.join(', ')})`,
    );
    return { ok: false, problems };
  }
  for (const field of Object.keys(input).filter((key) => !isUrgency(key))) {
    report(field, `is not an urgency (they are ${INCIDENT_URGENCIES.join(', ')})`);
  }
  const methodIds = new Set(methods.map((method) => method.id));
  const high = checkSteps(input.high, 'high', methodIds, report);
  const low = checkSteps(input.low, 'low', methodIds, report);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules: { high, low } };
}

function checkSteps(
  steps: unknown,
  path: string,
  methodIds: ReadonlySet<string>,
  report: Report,
): NotificationRuleStep[] {
  if (!Array.isArray(steps)) {
    report(path, 'must be a list of steps {contactMethodId, delayMinutes}');
    return [];
  }
  if (steps.length < 1 || steps.length > LIMITS.maxStepsPerUrgency) {
    report(path, `must list 1 to ${LIMITS.maxStepsPerUrgency} steps, got ${steps.length}`);
  }
  const firstSeenAt = new Map<string, number>();
  const checked = steps.map((step, index) => {
    const stepPath = `${path}[${index}]`;
    const result = checkStep(step, stepPath, methodIds, report);
    const key = `${result.contactMethodId}@${result.delayMinutes}`;
    const earlier = firstSeenAt.get(key);
    if (earlier !== undefined)
      report(stepPath, `repeats ${path}[${earlier}] (same contact method, same delay)`);
    else firstSeenAt.set(key, index);
    return result;
  });
  return checked.sort((a, b) => a.delayMinutes - b.delayMinutes);
}

function checkStep(
  step: unknown,
  path: string,
  methodIds: ReadonlySet<string>,
  report: Report,
): NotificationRuleStep {
  if (!isRecord(step)) {
    report(path, 'must be an object {contactMethodId, delayMinutes}');
    return { contactMethodId: '', delayMinutes: 0 };
  }
  for (const field of Object.keys(step).filter((key) => !STEP_FIELDS.includes(key))) {
    report(`${path}.${field}`, `is not a field of a step (it has ${STEP_FIELDS.join(', ')})`);
  }
  const { contactMethodId, delayMinutes } = step;
  if (typeof contactMethodId !== 'string' || !methodIds.has(contactMethodId)) {
    report(
      `${path}.contactMethodId`,
      `must be the id of one of this person's contact methods, got ${show(contactMethodId)}`,
    );
  }
  const delayOk =
    typeof delayMinutes === 'number' &&
    Number.isInteger(delayMinutes) &&
    delayMinutes >= LIMITS.minDelayMinutes &&
    delayMinutes <= LIMITS.maxDelayMinutes;
  if (!delayOk) {
    report(
      `${path}.delayMinutes`,
      `must be a whole number of minutes from ${LIMITS.minDelayMinutes} to ${LIMITS.maxDelayMinutes}, got ${show(delayMinutes)}`,
    );
  }
  return { contactMethodId: String(contactMethodId ?? ''), delayMinutes: delayOk ? delayMinutes : 0 };
}

function isUrgency(key: string): key is Urgency {
  return (INCIDENT_URGENCIES as readonly string[]).includes(key);
}
