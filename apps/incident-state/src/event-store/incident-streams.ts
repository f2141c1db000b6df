import { incidentEventSubject } from '@oncall/contracts';
import { NewEvent } from '@oncall/platform-event-store';

export const incidentStreamId = (incidentId: string) => `incident-${incidentId}`;

/** Incident events are relayed to `oncall.evt.incident.<event>.v<n>`. */
export const incidentOutboxSubject = (event: NewEvent) =>
  incidentEventSubject(event.type, event.schemaVersion);
