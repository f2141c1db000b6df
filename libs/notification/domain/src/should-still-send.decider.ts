import type { IncidentStatus } from '@oncall/incident-domain';
import type { PlannedDelivery } from './delivery-plan.decider';
import type { Instant } from './notification.types';

/** What the notification service knows of the incident when a planned send falls due. */
export interface IncidentProgress {
  readonly status: IncidentStatus;
  /** The latest acknowledgement, kept even after the incident went back to triggered. */
  readonly lastAcknowledgedAt: Instant | null;
}

export type SendGate =
  | { readonly send: true }
  | { readonly send: false; readonly reason: 'incident-acknowledged' | 'incident-resolved' };

/**
 * Rules stop once the incident is acknowledged or resolved. An acknowledgement made after the page was
 * requested ends that page's rules even when the incident is triggered again later (ack timeout, snooze
 * end): that re-trigger pages anew with its own rules, so an old reminder would only repeat it.
 * An incident not seen yet ('none': its events are still on the way) is paged, never held back.
 */
export function shouldStillSend(
  planned: Pick<PlannedDelivery, 'requestedAt'>,
  incident: IncidentProgress,
): SendGate {
  if (incident.status === 'resolved') return { send: false, reason: 'incident-resolved' };
  if (incident.status === 'acknowledged') return { send: false, reason: 'incident-acknowledged' };
  const { lastAcknowledgedAt } = incident;
  if (lastAcknowledgedAt !== null && Date.parse(lastAcknowledgedAt) >= Date.parse(planned.requestedAt)) {
    return { send: false, reason: 'incident-acknowledged' };
  }
  return { send: true };
}
