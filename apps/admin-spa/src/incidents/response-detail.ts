import type { TimelineEntry } from '../api/types';

/**
 * The line under a reassignment or a snooze: whom it went to, until when. null for other events (their
 * line comes from timelineDetail). `when` formats an instant in the viewer's zone.
 */
export function responseDetail(
  entry: TimelineEntry,
  names: ReadonlyMap<string, string>,
  when: (iso: string) => string,
): string | null {
  const { detail } = entry;
  if (entry.type === 'IncidentSnoozed' && typeof detail.snoozedUntil === 'string')
    return `Until ${when(detail.snoozedUntil)}`;
  if (entry.type !== 'IncidentReassigned' || typeof detail.to !== 'object' || detail.to === null) return null;
  const to = detail.to as { kind?: unknown; level?: unknown; userIds?: unknown };
  if (to.kind === 'escalation-level' && typeof to.level === 'number')
    return `To escalation level ${to.level}`;
  if (to.kind === 'users' && Array.isArray(to.userIds))
    return `To ${to.userIds.map((id) => (typeof id === 'string' ? (names.get(id) ?? 'someone') : 'someone')).join(', ')}`;
  return null;
}
