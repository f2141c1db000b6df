/** The part of an alert the routing decision depends on. */
export interface RoutableAlert {
  alertId: string;
  action: 'trigger' | 'acknowledge' | 'resolve';
  /** `record`: kept and shown, never correlated (ADR 0170); absent = `page`. */
  disposition?: 'page' | 'record';
}

/** An open alert of the same integration and dedup key, as the open-alert index holds it. */
export interface OpenAlert {
  incidentId: string;
  /** The alert that opened the incident; used to recognise a redelivery of that same alert. */
  openedByAlertId: string;
}

export type AlertRouting =
  | { kind: 'open-incident'; incidentId: string }
  | { kind: 'append-to-incident'; incidentId: string }
  | { kind: 'acknowledge-incident'; incidentId: string }
  | { kind: 'resolve-incident'; incidentId: string }
  | { kind: 'drop'; reason: string };

/**
 * Where an alert goes (specs/ingestion-formats.md, dedup rules): a trigger with no open alert for its key
 * opens an incident whose id is the alert's own id (so a redelivered alert opens the same one); a trigger
 * on an open key is appended and pages no one again; acknowledge/resolve act on the open incident and are
 * accepted and dropped when there is none.
 */
export function routeAlert(alert: RoutableAlert, open: OpenAlert | null): AlertRouting {
  switch (alert.action) {
    case 'trigger':
      if (!open) return { kind: 'open-incident', incidentId: alert.alertId };
      if (open.openedByAlertId === alert.alertId)
        return { kind: 'open-incident', incidentId: open.incidentId };
      return { kind: 'append-to-incident', incidentId: open.incidentId };
    case 'acknowledge':
      return open
        ? { kind: 'acknowledge-incident', incidentId: open.incidentId }
        : { kind: 'drop', reason: 'acknowledge for a key with no open alert' };
    case 'resolve':
      return open
        ? { kind: 'resolve-incident', incidentId: open.incidentId }
        : { kind: 'drop', reason: 'resolve for a key with no open alert' };
  }
}
