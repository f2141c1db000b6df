import { bounded, oneLine } from './email-format';
import type { AlertDetail } from './email.types';

export interface AlertDetailLimits {
  readonly maxEntries: number;
  readonly maxKeyLength: number;
  readonly maxValueLength: number;
  readonly maxDepth: number;
}

/** Enough to read an alert on a phone; the full payload stays in the incident's alert history. */
export const ALERT_DETAIL_LIMITS: AlertDetailLimits = {
  maxEntries: 30,
  maxKeyLength: 80,
  maxValueLength: 300,
  maxDepth: 4,
};

/**
 * Turns an alert's free-form details into lines `disk.used: 95%`, `tags[0]: prod`, in payload order, each
 * on one line and bounded. Beyond `maxDepth` a value is shown as JSON; beyond `maxEntries` a last line
 * says how many fields were left out.
 */
export function flattenAlertDetails(
  details: unknown,
  limits: AlertDetailLimits = ALERT_DETAIL_LIMITS,
): AlertDetail[] {
  const lines: AlertDetail[] = [];
  collect(details, '', 0, limits, lines);
  return boundAlertDetails(lines, limits);
}

/** Bounds lines that were flattened elsewhere (a view model is input too). */
export function boundAlertDetails(
  details: readonly AlertDetail[],
  limits: AlertDetailLimits = ALERT_DETAIL_LIMITS,
): AlertDetail[] {
  const shown = details.slice(0, limits.maxEntries).map(({ key, value }) => ({
    key: bounded(oneLine(key), limits.maxKeyLength),
    value: bounded(oneLine(value), limits.maxValueLength),
  }));
  const omitted = details.length - shown.length;
  return omitted > 0 ? [...shown, { key: '…', value: `${omitted} more fields` }] : shown;
}

function collect(
  value: unknown,
  path: string,
  depth: number,
  limits: AlertDetailLimits,
  lines: AlertDetail[],
): void {
  if (value !== null && typeof value === 'object' && depth < limits.maxDepth) {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [`${path}[${index}]`, item] as const)
      : Object.entries(value).map(([key, item]) => [path ? `${path}.${key}` : key, item] as const);
    for (const [childPath, item] of entries) collect(item, childPath, depth + 1, limits, lines);
    return;
  }
  if (path === '' && (value === null || value === undefined)) return;
  lines.push({ key: path || 'details', value: valueText(value) });
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}
