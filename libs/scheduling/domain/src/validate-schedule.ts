import { isInstant } from './instant';
import type { Override, Schedule } from './schedule.types';
import { isNonEmptyString, isTimeZone, type ScheduleProblem, validateLayer } from './validate-layer';

export type { ScheduleProblem } from './validate-layer';

/**
 * Every reason a schedule definition cannot be rendered, as readable messages; empty when valid.
 * The engine itself does not validate (it is called on hot paths): check definitions when they are written.
 */
export function validateSchedule(schedule: Schedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!isNonEmptyString(schedule.id)) problems.push({ path: 'id', message: 'must be a non-empty string' });
  if (!isTimeZone(schedule.timeZone)) {
    problems.push({ path: 'timeZone', message: `unknown time zone "${String(schedule.timeZone)}"` });
  }
  if (!Array.isArray(schedule.layers)) problems.push({ path: 'layers', message: 'must be a list' });
  else {
    schedule.layers.forEach((layer, i) => problems.push(...validateLayer(layer, `layers[${i}]`)));
    problems.push(
      ...duplicateIds(
        schedule.layers.map((layer) => layer.id),
        'layers',
      ),
    );
  }
  if (!Array.isArray(schedule.overrides)) problems.push({ path: 'overrides', message: 'must be a list' });
  else {
    schedule.overrides.forEach((override, i) =>
      problems.push(...validateOverride(override, `overrides[${i}]`)),
    );
    problems.push(
      ...duplicateIds(
        schedule.overrides.map((override) => override.id),
        'overrides',
      ),
    );
  }
  return problems;
}

function validateOverride(override: Override, path: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const report = (field: string, message: string) => problems.push({ path: `${path}.${field}`, message });
  if (!isNonEmptyString(override.id)) report('id', 'must be a non-empty string');
  if (!isNonEmptyString(override.userId)) report('userId', 'must be a non-empty user id');
  for (const field of ['start', 'end', 'createdAt'] as const) {
    if (!isInstant(override[field]))
      report(field, `must be an ISO-8601 instant, got "${String(override[field])}"`);
  }
  if (
    isInstant(override.start) &&
    isInstant(override.end) &&
    Date.parse(override.end) <= Date.parse(override.start)
  ) {
    report('end', `must be after start (${override.start}), got ${override.end}`);
  }
  return problems;
}

function duplicateIds(ids: readonly string[], path: string): ScheduleProblem[] {
  const seen = new Set<string>();
  const problems: ScheduleProblem[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.push({ path: `${path}[${i}].id`, message: `duplicates id "${id}"` });
    seen.add(id);
  });
  return problems;
}
