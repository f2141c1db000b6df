import type { TimelineEntry } from '../api/types';

/** "IncidentAcknowledged" → "Acknowledged", "AlertAttached" → "Alert attached". */
export function eventLabel(type: string): string {
  const words = type
    .replace(/^Incident(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ACTIVITY_LABELS: Record<string, string> = {
  notification: 'Page delivery',
  escalation: 'Escalation',
  psa: 'PSA ticket',
};

/** A timeline entry's heading; another context's fact says which (a page's delivery, an escalation step). */
export function entryLabel(entry: Pick<TimelineEntry, 'type' | 'detail'>): string {
  const source = entry.detail.source;
  if (entry.type === 'ActivityRecorded' && typeof source === 'string' && ACTIVITY_LABELS[source])
    return ACTIVITY_LABELS[source];
  return eventLabel(entry.type);
}

/** Who did it, by name when the directory knows the person. */
export function actorLabel(actor: TimelineEntry['actor'], names: ReadonlyMap<string, string>): string {
  if (!actor) return 'System';
  switch (actor.kind) {
    case 'user':
      return names.get(actor.userId) ?? `User ${shortId(actor.userId)}`;
    case 'integration':
      return 'Integration';
    case 'system':
      return `System (${actor.reason.replace(/[-_]/g, ' ')})`;
  }
}

/** The one line worth showing under a timeline entry, if any (a note's text, an alert's summary ...). */
export function timelineDetail(entry: TimelineEntry): string | null {
  const { detail } = entry;
  // Where a person acted from (a one-click email link, Slack): "acknowledged by Alice from email".
  const via = typeof detail.via === 'string' ? `from ${detail.via}` : null;
  const main = mainDetail(detail);
  return main && via ? `${main}, ${via}` : (main ?? via);
}

function mainDetail(detail: TimelineEntry['detail']): string | null {
  for (const key of ['text', 'summary', 'reason', 'title']) {
    const value = detail[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  const alert = detail.alert;
  if (typeof alert === 'object' && alert !== null && 'summary' in alert) {
    const summary = (alert as { summary: unknown }).summary;
    if (typeof summary === 'string') return summary;
  }
  if (typeof detail.toLevel === 'number') return `Level ${detail.toLevel}`;
  if (typeof detail.alertCount === 'number') {
    return `${detail.alertCount} alert${detail.alertCount === 1 ? '' : 's'} moved here`;
  }
  return null;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** ISO weekdays, 1 = Monday at index 0. */
export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
