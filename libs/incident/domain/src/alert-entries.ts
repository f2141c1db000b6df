import type { AlertRepeated } from './incident.events';
import type { IncidentAlert } from './incident.types';
import { sameAlertKey } from './incident.types';

/**
 * The incident's alerts, one entry per alert key. Adding an alert whose key is already held counts it as a
 * repeat of that entry (streams written before repeats were counted appended every repeat as an alert).
 */
export function withAlert(
  alerts: readonly IncidentAlert[],
  incoming: IncidentAlert,
): readonly IncidentAlert[] {
  const alert = withoutContext(incoming);
  const index = alerts.findIndex((held) => sameAlertKey(held, alert));
  if (index < 0) return [...alerts, alert];
  return replaceAt(alerts, index, repeated(alerts[index], 1 + (alert.repeatCount ?? 0), alert));
}

/** Alerts of another incident (merge): same keys are combined, counts added. */
export function withAlerts(
  alerts: readonly IncidentAlert[],
  incoming: readonly IncidentAlert[],
): readonly IncidentAlert[] {
  return incoming.reduce(withAlert, alerts);
}

export function withRepeats(
  alerts: readonly IncidentAlert[],
  event: AlertRepeated,
): readonly IncidentAlert[] {
  const { data } = event;
  const index = alerts.findIndex((held) => sameAlertKey(held, data));
  const last = {
    alertId: data.lastAlertId,
    summary: data.summary,
    severity: data.severity,
    receivedAt: data.at,
    lastSequence: data.lastSequence,
  };
  if (index < 0) {
    // Repeats of a key the incident never held (cannot be decided so; tolerated when folding).
    const entry = { ...last, dedupKey: data.dedupKey, integrationId: data.integrationId };
    return [...alerts, repeated(entry, data.count - 1, last)];
  }
  return replaceAt(alerts, index, repeated(alerts[index], data.count, last));
}

/** The entry holding an alert key, if any. */
export function alertEntryFor(
  alerts: readonly IncidentAlert[],
  key: { dedupKey: string; integrationId?: string },
): IncidentAlert | undefined {
  return alerts.find((held) => sameAlertKey(held, key));
}

/** True when the incident already holds this alert (first or last of its key). */
export function holdsAlert(alerts: readonly IncidentAlert[], alertId: string): boolean {
  return alerts.some((held) => held.alertId === alertId || held.lastAlertId === alertId);
}

function repeated(
  entry: IncidentAlert,
  count: number,
  last: Pick<IncidentAlert, 'alertId' | 'summary' | 'severity' | 'receivedAt' | 'lastSequence'>,
): IncidentAlert {
  if (count <= 0) return entry;
  const lastSequence = Math.max(entry.lastSequence ?? 0, last.lastSequence ?? 0);
  return {
    ...entry,
    summary: last.summary,
    severity: last.severity,
    repeatCount: (entry.repeatCount ?? 0) + count,
    lastSeenAt: last.receivedAt,
    lastAlertId: last.alertId,
    ...(lastSequence > 0 ? { lastSequence } : {}),
  };
}

function replaceAt<T>(items: readonly T[], index: number, item: T): readonly T[] {
  return [...items.slice(0, index), item, ...items.slice(index + 1)];
}

/** The folded state keeps alerts lean: the source's context stays on the event that brought it. */
export function withoutContext(alert: IncidentAlert): IncidentAlert {
  if (alert.context === undefined) return alert;
  const { context: _context, ...lean } = alert;
  return lean;
}
