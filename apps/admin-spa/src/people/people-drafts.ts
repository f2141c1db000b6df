import type { NotificationRulesView } from '@oncall/contracts';
import type { SchemaCreateContactMethodDto, SchemaNotificationRuleStepDto } from '../api/generated/openapi';

export type ContactType = SchemaCreateContactMethodDto['type'];
export type Urgency = 'high' | 'low';
export const URGENCIES: readonly Urgency[] = ['high', 'low'];

/** The limits notification enforces (libs/notification/domain); checked here first to say so beside the field. */
export const RULE_LIMITS = { maxStepsPerUrgency: 10, maxDelayMinutes: 1440 } as const;

export const CONTACT_TYPE_LABELS: Record<ContactType, string> = {
  email: 'Email',
  slack: 'Slack webhook',
  sms: 'SMS',
  phone: 'Phone call',
  push: 'Push',
};

const ADDRESS_HINTS: Record<ContactType, string> = {
  email: 'Enter an email address such as tech@example.com.',
  slack: 'Enter a Slack incoming-webhook URL (https://hooks.slack.com/services/…).',
  sms: 'Enter an international number such as +14155550123.',
  phone: 'Enter an international number such as +14155550123.',
  push: 'Enter the device token.',
};

/** Field messages for a new contact method, keyed as the API names the fields; empty when it may be sent. */
export function contactMethodProblems(type: ContactType, address: string): Record<string, string> {
  const value = address.trim();
  if (!value) return { address: ADDRESS_HINTS[type] };
  const plausible =
    type === 'email'
      ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)
      : type === 'slack'
        ? /^https?:\/\//.test(value)
        : type === 'sms' || type === 'phone'
          ? /^\+[0-9 ().-]{7,}$/.test(value)
          : true;
  return plausible ? {} : { address: ADDRESS_HINTS[type] };
}

/** A rule step being edited: the delay as typed. */
export interface RuleStepDraft {
  contactMethodId: string;
  delayMinutes: string;
}

export type RulesDraft = Record<Urgency, RuleStepDraft[]>;

/** The rules to send (the generated body type leaves the steps `unknown`). */
export type RulesBody = Record<Urgency, SchemaNotificationRuleStepDto[]>;

export function rulesDraftOf(rules: Pick<NotificationRulesView, Urgency>): RulesDraft {
  const steps = (list: NotificationRulesView['high']) =>
    list.map((step) => ({ contactMethodId: step.contactMethodId, delayMinutes: String(step.delayMinutes) }));
  return { high: steps(rules.high), low: steps(rules.low) };
}

/**
 * The rules to send, or the messages per field (`high`, `high.0.delayMinutes`... as the API names them).
 * Every urgency keeps at least one step: a person on call chooses how to be paged, not whether.
 */
export function checkRulesDraft(
  draft: RulesDraft,
): { ok: true; rules: RulesBody } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  for (const urgency of URGENCIES) {
    const steps = draft[urgency];
    if (steps.length === 0) problems[urgency] = 'Keep at least one step: you are paged one way or another.';
    if (steps.length > RULE_LIMITS.maxStepsPerUrgency) {
      problems[urgency] = `At most ${RULE_LIMITS.maxStepsPerUrgency} steps.`;
    }
    steps.forEach((step, index) => {
      if (!step.contactMethodId) problems[`${urgency}.${index}.contactMethodId`] = 'Choose a contact method.';
      const delay = Number(step.delayMinutes);
      if (
        step.delayMinutes.trim() === '' ||
        !Number.isInteger(delay) ||
        delay < 0 ||
        delay > RULE_LIMITS.maxDelayMinutes
      ) {
        problems[`${urgency}.${index}.delayMinutes`] =
          `Enter whole minutes from 0 to ${RULE_LIMITS.maxDelayMinutes}.`;
      }
    });
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const steps = (list: RuleStepDraft[]) =>
    list.map((step) => ({ contactMethodId: step.contactMethodId, delayMinutes: Number(step.delayMinutes) }));
  return { ok: true, rules: { high: steps(draft.high), low: steps(draft.low) } };
}

/** A team being created or edited. */
export interface TeamDraft {
  name: string;
  memberIds: string[];
}

export function teamProblems(draft: TeamDraft): Record<string, string> {
  const name = draft.name.trim();
  if (!name) return { name: 'Give the team a name.' };
  if (name.length > 200) return { name: 'Keep the name to 200 characters.' };
  return {};
}

/** A person added by a manager: a name, and an address Hub will sign them in with. */
export function personProblems(draft: { name: string; email: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.name.trim()) problems.name = 'Give their name.';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(draft.email.trim())) {
    problems.email = 'Enter the email address they sign in to Hub with.';
  }
  return problems;
}
