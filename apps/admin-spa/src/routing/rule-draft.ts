import type { RoutingRule } from '@oncall/contracts';

/** Severities a routing rule may name (ROUTING_SEVERITIES in libs/dedup/domain). */
export const RULE_SEVERITIES = ['critical', 'high', 'warning', 'info'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** A client routing rule as PUT /api/v1/routing-rules takes it (the directory publishes the same shape). */
export type { RoutingRule };

/** What the rule form holds: text as typed. */
export interface RuleDraft {
  serviceId: string;
  clientId: string;
  integrationId: string;
  /** Device names, separated by commas. */
  devices: string;
  /** `name=value` pairs, separated by commas. */
  labels: string;
  severities: RuleSeverity[];
}

export const EMPTY_RULE_DRAFT: RuleDraft = {
  serviceId: '',
  clientId: '',
  integrationId: '',
  devices: '',
  labels: '',
  severities: [],
};

export type DraftProblems = Partial<Record<'serviceId' | 'when' | 'labels', string>>;

/** The rule the draft describes, or what is wrong with it (checked before sending, as the API would). */
export function ruleOf(
  draft: RuleDraft,
  ruleId: string,
): { rule: RoutingRule } | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  if (!draft.serviceId) problems.serviceId = 'Choose the service these alerts go to.';
  const devices = splitList(draft.devices);
  const labels = parseLabels(draft.labels);
  if (labels === null) problems.labels = 'Write labels as name=value, separated by commas.';
  const when: RoutingRule['when'] = {
    ...(draft.integrationId ? { integrationIds: [draft.integrationId] } : {}),
    ...(draft.clientId ? { clientIds: [draft.clientId] } : {}),
    ...(devices.length > 0 ? { devices } : {}),
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    ...(draft.severities.length > 0 ? { severities: draft.severities } : {}),
  };
  if (Object.keys(when).length === 0 && labels !== null)
    problems.when = 'Give at least one condition: a rule without one would take every alert.';
  if (Object.keys(problems).length > 0) return { problems };
  return { rule: { ruleId, serviceId: draft.serviceId, when } };
}

export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}

/** "env=prod, site=ams" → {env: 'prod', site: 'ams'}; null when a part is not name=value. */
export function parseLabels(text: string): Record<string, string> | null {
  const labels: Record<string, string> = {};
  for (const part of splitList(text)) {
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    if (at <= 0 || !name) return null;
    labels[name] = part.slice(at + 1).trim();
  }
  return labels;
}
