import { check, isName, isPlainObject, Problems } from '../field-problem';
import { ROUTING_SEVERITIES } from './routing-rule';

export const ROUTING_LIMITS = { rules: 200, entries: 100 } as const;
const LIST_CONDITIONS = ['integrationIds', 'clientIds', 'devices', 'severities'] as const;
const CONDITIONS: readonly string[] = [...LIST_CONDITIONS, 'labels'];

/**
 * An organization's routing rules as the API receives them (`rules`): ids unique, each naming a known
 * service and at least one condition, lists of names (severities from the list), labels as name → value.
 */
export function validateRoutingRules(
  value: unknown,
  serviceIds: ReadonlySet<string>,
  field = 'rules',
): Problems {
  const problems: Problems = [];
  const isList = Array.isArray(value) && value.length <= ROUTING_LIMITS.rules;
  if (!check(problems, isList, field, `must be an array of at most ${ROUTING_LIMITS.rules} rules`))
    return problems;
  const seen = new Set<string>();
  (value as unknown[]).forEach((rule, index) => {
    const at = `${field}.${index}`;
    if (!check(problems, isPlainObject(rule), at, 'must be an object')) return;
    const { ruleId, serviceId, when } = rule as Record<string, unknown>;
    if (check(problems, isName(ruleId, 200), `${at}.ruleId`, 'must be a non-blank id'))
      check(problems, !seen.has(ruleId as string), `${at}.ruleId`, 'must not repeat an earlier rule id');
    seen.add(ruleId as string);
    check(
      problems,
      serviceIds.has(serviceId as string),
      `${at}.serviceId`,
      'must name a service of the organization',
    );
    validateConditions(problems, when, `${at}.when`);
  });
  return problems;
}

function validateConditions(problems: Problems, when: unknown, field: string): void {
  if (!check(problems, isPlainObject(when), field, 'must be an object of conditions')) return;
  const conditions = when as Record<string, unknown>;
  const given = Object.keys(conditions).filter((name) => conditions[name] !== undefined);
  check(
    problems,
    given.length > 0,
    field,
    'must hold at least one condition (the default service takes the rest)',
  );
  for (const name of given) {
    if (!CONDITIONS.includes(name))
      check(problems, false, `${field}.${name}`, `is not a condition: ${CONDITIONS.join(', ')}`);
  }
  for (const name of LIST_CONDITIONS) {
    if (conditions[name] === undefined) continue;
    const allowed = (entry: unknown) =>
      name === 'severities' ? ROUTING_SEVERITIES.includes(entry as never) : isName(entry);
    const list = conditions[name];
    const ok =
      Array.isArray(list) && list.length > 0 && list.length <= ROUTING_LIMITS.entries && list.every(allowed);
    const what = name === 'severities' ? ROUTING_SEVERITIES.join(', ') : 'non-blank names';
    check(problems, ok, `${field}.${name}`, `must be a list of 1 to ${ROUTING_LIMITS.entries} of: ${what}`);
  }
  if (conditions['labels'] !== undefined) validateLabels(problems, conditions['labels'], `${field}.labels`);
}

function validateLabels(problems: Problems, labels: unknown, field: string): void {
  const entries = isPlainObject(labels) ? Object.entries(labels) : [];
  const ok =
    entries.length > 0 &&
    entries.length <= ROUTING_LIMITS.entries &&
    entries.every(([name, value]) => isName(name) && typeof value === 'string' && isName(value, 1024));
  check(problems, ok, field, `must map 1 to ${ROUTING_LIMITS.entries} label names to values`);
}
