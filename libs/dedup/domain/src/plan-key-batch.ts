import { OpenAlert, RoutableAlert, routeAlert } from './route-alert';

/** Repeats sent to an incident in one command at most (what the incident domain accepts). */
export const MAX_REPEATS_PER_STEP = 5_000;

/**
 * The next thing to do with a run of alerts of ONE key (integration, dedup key), in stream order, given
 * the key's open alert. `count` alerts from the front of the run are covered by the step; the caller
 * performs it, updates the open alert, and plans again with the rest. Consecutive triggers on an open key
 * become one `record-repeats` step: a storm costs one command per batch, not one per alert.
 */
export type KeyBatchStep =
  | { kind: 'open-incident'; incidentId: string; count: 1 }
  | { kind: 'record-repeats'; incidentId: string; count: number }
  | { kind: 'acknowledge-incident'; incidentId: string; count: 1 }
  | { kind: 'resolve-incident'; incidentId: string; count: 1 }
  | { kind: 'drop'; reason: string; count: 1 }
  | { kind: 'record-alerts'; count: number };

export function nextKeyBatchStep(alerts: readonly RoutableAlert[], open: OpenAlert | null): KeyBatchStep {
  if (alerts.length === 0) throw new Error('nextKeyBatchStep needs at least one alert');
  // Recorded triggers stop before routing: they open, join and change nothing, whatever is open (ADR 0170).
  if (isRecorded(alerts[0])) return { kind: 'record-alerts', count: recordRun(alerts) };
  const routing = routeAlert(alerts[0], open);
  switch (routing.kind) {
    case 'open-incident':
      return { kind: 'open-incident', incidentId: routing.incidentId, count: 1 };
    case 'append-to-incident':
      // routeAlert appends only to an open key: `open` is there.
      return {
        kind: 'record-repeats',
        incidentId: routing.incidentId,
        count: repeatRun(alerts, open as OpenAlert),
      };
    case 'acknowledge-incident':
    case 'resolve-incident':
      return { kind: routing.kind, incidentId: routing.incidentId, count: 1 };
    case 'drop':
      return { kind: 'drop', reason: routing.reason, count: 1 };
  }
}

/** How many alerts from the front are plain repeats of the open key (triggers other than its opener). */
function repeatRun(alerts: readonly RoutableAlert[], open: OpenAlert): number {
  let count = 0;
  while (
    count < alerts.length &&
    count < MAX_REPEATS_PER_STEP &&
    alerts[count].action === 'trigger' &&
    !isRecorded(alerts[count]) &&
    alerts[count].alertId !== open.openedByAlertId
  ) {
    count++;
  }
  return count;
}

function isRecorded(alert: RoutableAlert): boolean {
  return alert.action === 'trigger' && alert.disposition === 'record';
}

function recordRun(alerts: readonly RoutableAlert[]): number {
  let count = 0;
  while (count < alerts.length && count < MAX_REPEATS_PER_STEP && isRecorded(alerts[count])) count++;
  return count;
}
