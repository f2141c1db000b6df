/** The maintenance window form as typed. `scope` is `service:<id>` or `client:<id>`. */
export interface WindowDraft {
  name: string;
  scope: string;
  kind: 'one-off' | 'weekly';
  /** datetime-local values, in the viewer's zone. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  days: number[];
  start: string;
  end: string;
}

export type WindowBody = { name: string; window: Record<string, unknown> };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The body POST /api/v1/maintenance-windows takes, or the problems found before sending, keyed by the
 * API's own field names (`window.startsAt` ...) so its answers land beside the same fields.
 * `toInstant` turns a datetime-local value (the viewer's clock) into an instant.
 */
export function windowBodyOf(
  draft: WindowDraft,
  toInstant: (local: string) => string | null,
): { body: WindowBody } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  if (!draft.name.trim()) problems.name = 'Give the window a name.';
  const [scopeKind, scopeId] = draft.scope.split(':');
  if (!scopeId) problems['window.scope'] = 'Choose the service or client it covers.';
  const scope = scopeKind === 'client' ? { clientId: scopeId } : { serviceId: scopeId };
  let window: Record<string, unknown>;
  if (draft.kind === 'one-off') {
    const startsAt = toInstant(draft.startsAt);
    const endsAt = toInstant(draft.endsAt);
    if (!startsAt) problems['window.startsAt'] = 'When does it start?';
    if (!endsAt) problems['window.endsAt'] = 'When does it end?';
    else if (startsAt && endsAt <= startsAt) problems['window.endsAt'] = 'The end must come after the start.';
    window = { scope, kind: 'one-off', startsAt, endsAt };
  } else {
    if (draft.days.length === 0) problems['window.days'] = 'Choose at least one day.';
    if (!HH_MM.test(draft.start)) problems['window.start'] = 'A time of day, HH:mm.';
    if (!HH_MM.test(draft.end)) problems['window.end'] = 'A time of day, HH:mm.';
    else if (draft.start === draft.end) problems['window.end'] = 'The end must differ from the start.';
    const days = [...draft.days].sort((a, b) => a - b);
    window = { scope, kind: 'weekly', timeZone: draft.timeZone, days, start: draft.start, end: draft.end };
  }
  if (Object.keys(problems).length > 0) return { problems };
  return { body: { name: draft.name.trim(), window } };
}

/** A datetime-local value read on the browser's clock, as an instant; null when empty or invalid. */
export function localToInstant(local: string): string | null {
  if (!local) return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
