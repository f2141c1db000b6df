import type { IncidentSummary } from '../api/types';
import type { IncidentChange } from './incident-events';

/**
 * The read models behind the list and the detail are projected asynchronously: a change can be announced
 * (or answered to a command) a moment before a query shows it. These helpers tell whether what was
 * loaded has caught up, so the screens reload again instead of showing an older state.
 */

/** How long after a change (or a reload that did not show it yet) a screen reloads. */
export const RELOAD_DELAY_MS = 250;
/** Reloads while the read model has not caught up with a change: about 2.5 s at most. */
export const MAX_RETRIES = 10;

/** Loaded rows, except where the screen already holds a newer version of the same incident. */
export function keepNewer(loaded: IncidentSummary[], current: readonly IncidentSummary[]): IncidentSummary[] {
  const held = new Map(current.map((item) => [item.incidentId, item]));
  return loaded.map((item) => {
    const mine = held.get(item.incidentId);
    return mine && mine.version > item.version ? mine : item;
  });
}

/**
 * Changes the loaded rows do not reflect yet: a row still older than the change, or a new incident that
 * should head this list (`expectNew`) but is not in it. A change to an incident not shown is otherwise
 * taken as seen (it may have left the filter).
 */
export function unseenChanges(
  changes: ReadonlyMap<string, IncidentChange>,
  items: readonly IncidentSummary[],
  expectNew: boolean,
): Map<string, IncidentChange> {
  const shown = new Map(items.map((item) => [item.incidentId, item]));
  const unseen = new Map<string, IncidentChange>();
  for (const [incidentId, change] of changes) {
    const row = shown.get(incidentId);
    const behind = row
      ? change.version !== null && row.version < change.version
      : expectNew && change.type === 'IncidentTriggered';
    if (behind) unseen.set(incidentId, change);
  }
  return unseen;
}

/**
 * Remembers the newest version announced per incident. A new incident stays announced as triggered: its
 * escalation's first changes follow within a second, and would otherwise let a list that does not show it yet
 * take it as seen and stop asking.
 */
export function rememberChange(
  changes: ReadonlyMap<string, IncidentChange>,
  change: IncidentChange,
): Map<string, IncidentChange> {
  const next = new Map(changes);
  const known = changes.get(change.incidentId);
  if (!known || (change.version ?? 0) >= (known.version ?? 0))
    next.set(
      change.incidentId,
      known?.type === 'IncidentTriggered' ? { ...change, type: known.type } : change,
    );
  return next;
}
