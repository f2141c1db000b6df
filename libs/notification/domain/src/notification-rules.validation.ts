import { INCIDENT_URGENCIES, type Urgency } from '@oncall/incident-domain';
import {
  ContactMethod,
  NOTIFICATION_RULE_LIMITS as LIMITS,
  NotificationProblem,
  NotificationRules,
  NotificationRuleStep,
} from './notification.types';
import type { Report } from '@oncall/shared-input-checks';
import { checkList, isRecord, isWholeNumberIn, reportUnknownFields, show } from '@oncall/shared-input-checks';

export type NotificationRulesCheck =
  { ok: true; rules: NotificationRules } | { ok: false; problems: NotificationProblem[] };

const STEP_FIELDS = ['contactMethodId', 'delayMinutes'];

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
  const checked = checkList(
    steps,
    path,
    {
      listOf: 'steps {contactMethodId, delayMinutes}',
      entries: 'steps',
      maxEntries: LIMITS.maxStepsPerUrgency,
      checkEntry: (step, stepPath) => checkStep(step, stepPath, methodIds, report),
      keyOf: (step) => `${step.contactMethodId}@${step.delayMinutes}`,
      repeats: (earlier) => `repeats ${earlier} (same contact method, same delay)`,
    },
    report,
  );
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
  reportUnknownFields(step, STEP_FIELDS, path, 'a step', report);
  const { contactMethodId, delayMinutes } = step;
  if (typeof contactMethodId !== 'string' || !methodIds.has(contactMethodId)) {
    report(
      `${path}.contactMethodId`,
      `must be the id of one of this person's contact methods, got ${show(contactMethodId)}`,
    );
  }
  const delayOk = isWholeNumberIn(delayMinutes, LIMITS.minDelayMinutes, LIMITS.maxDelayMinutes);
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
