import { GroupableAlert, groupKeyOf, GroupingRule } from './grouping-rule';

/** A group whose incident is open, as the correlator's group index holds it. */
export interface OpenGroup {
  groupKey: string;
  incidentId: string;
  openedAt: string;
  /** The end of the window: from then on the key opens a new group. */
  closesAt: string;
}

export type GroupingDecision =
  | { kind: 'join-incident'; incidentId: string; groupKey: string }
  | { kind: 'open-group'; group: OpenGroup }
  | { kind: 'ungrouped'; reason: 'no grouping rule' | 'bypasses grouping' | 'no group key' };

const MINUTE_MS = 60_000;

/**
 * Where a trigger that opens no incident of its own key goes (routeAlert said open-incident): into the
 * open group of its group key while the window lasts, else a new group whose incident is named after
 * the alert (a redelivery opens the same one). `openGroup` is the index's entry for the alert's group key
 * whose incident is still open, or null. Windows are fixed from the first alert, so a storm that never
 * stops still opens one incident per key per window rather than one that grows forever.
 */
export function decideGrouping(
  alert: GroupableAlert,
  openGroup: OpenGroup | null,
  now: string,
  rule: GroupingRule | null,
): GroupingDecision {
  if (rule === null) return { kind: 'ungrouped', reason: 'no grouping rule' };
  if (alert.bypassGrouping) return { kind: 'ungrouped', reason: 'bypasses grouping' };
  const groupKey = groupKeyOf(alert, rule);
  if (groupKey === null) return { kind: 'ungrouped', reason: 'no group key' };
  if (openGroup?.groupKey === groupKey && Date.parse(now) < Date.parse(openGroup.closesAt))
    return { kind: 'join-incident', incidentId: openGroup.incidentId, groupKey };
  const closesAt = new Date(Date.parse(now) + rule.windowMinutes * MINUTE_MS).toISOString();
  return { kind: 'open-group', group: { groupKey, incidentId: alert.alertId, openedAt: now, closesAt } };
}
