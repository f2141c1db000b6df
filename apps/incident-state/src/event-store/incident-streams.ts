import { incidentEventSubject } from '@oncall/contracts';
import { IncidentEvent } from '@oncall/incident-domain';
import { NewEvent, StoredEvent } from '@oncall/platform-event-store';

export const incidentStreamId = (incidentId: string) => `incident-${incidentId}`;

/** Incident events are relayed to `oncall.evt.incident.<event>.v<n>`. */
export const incidentOutboxSubject = (event: NewEvent) =>
  incidentEventSubject(event.type, event.schemaVersion);

/** A stored event as the incident domain reads it. */
export function asIncidentEvent(stored: StoredEvent): IncidentEvent {
  return { type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data } as IncidentEvent;
}
