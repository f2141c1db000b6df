import type { Layer } from './schedule.types';

/**
 * Whether two layer lists are the same definition: same layers (ids included) in the same order with the
 * same fields. Key order and absent-versus-null fields (`end`, `timeZone`, `name`) do not matter, so a
 * definition read back from storage compares equal to the one written.
 */
export function sameLayers(a: readonly Layer[], b: readonly Layer[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined && field !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, field]) => [key, canonical(field)]));
}
