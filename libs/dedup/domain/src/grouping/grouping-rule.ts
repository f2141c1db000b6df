import { check, isName, isPlainObject, Problems } from '../field-problem';

/**
 * How a service groups alerts into incidents (ADR 0170): by a label's value, by device (within its
 * client), by client, or by the group key the source sent (Alertmanager's groupKey, PagerDuty's
 * payload.group), within a window that opens with the group's first alert.
 */
export type GroupingRule =
  | { by: 'label'; label: string; windowMinutes: number }
  | { by: 'device'; windowMinutes: number }
  | { by: 'client'; windowMinutes: number }
  | { by: 'source-group-key'; windowMinutes: number };

export const GROUPING_BY = ['label', 'device', 'client', 'source-group-key'] as const;
export const GROUPING_WINDOW_MAX_MINUTES = 24 * 60;

/** What grouping reads of an alert. */
export interface GroupableAlert {
  alertId: string;
  integrationId: string;
  labels: Readonly<Record<string, string>>;
  client?: string;
  device?: string;
  groupKey?: string;
  /** Set by the mapper for alerts that must page on their own (Defend critical/high). */
  bypassGrouping?: boolean;
}

/**
 * The key alerts of one group share, or null when the alert lacks what the rule groups by. Keys carry
 * the rule's kind and JSON-quoted parts, so no two different groupings can produce the same key; a
 * device is grouped within its client (two clients' "FS01" are different machines) and a source group
 * key within its integration (it means something only to the tool that made it).
 */
export function groupKeyOf(alert: GroupableAlert, rule: GroupingRule): string | null {
  const parts = keyParts(alert, rule);
  return parts === null ? null : `${rule.by}:${JSON.stringify(parts)}`;
}

function keyParts(alert: GroupableAlert, rule: GroupingRule): (string | null)[] | null {
  switch (rule.by) {
    case 'label': {
      const value = Object.hasOwn(alert.labels, rule.label) ? alert.labels[rule.label] : undefined;
      return value ? [rule.label, value] : null;
    }
    case 'device':
      return alert.device ? [alert.client ?? null, alert.device.toLowerCase()] : null;
    case 'client':
      return alert.client ? [alert.client] : null;
    case 'source-group-key':
      return alert.groupKey ? [alert.integrationId, alert.groupKey] : null;
  }
}

/** A service's grouping rule as the API receives it (`grouping`), or null for "do not group". */
export function validateGroupingRule(value: unknown, field = 'grouping'): Problems {
  const problems: Problems = [];
  if (value === null) return problems;
  if (!check(problems, isPlainObject(value), field, 'must be an object or null')) return problems;
  const rule = value as Record<string, unknown>;
  check(
    problems,
    GROUPING_BY.includes(rule['by'] as never),
    `${field}.by`,
    `must be one of: ${GROUPING_BY.join(', ')}`,
  );
  if (rule['by'] === 'label') check(problems, isName(rule['label']), `${field}.label`, 'must name a label');
  const minutes = rule['windowMinutes'];
  check(
    problems,
    Number.isInteger(minutes) &&
      (minutes as number) >= 1 &&
      (minutes as number) <= GROUPING_WINDOW_MAX_MINUTES,
    `${field}.windowMinutes`,
    `must be a whole number of minutes from 1 to ${GROUPING_WINDOW_MAX_MINUTES}`,
  );
  return problems;
}
