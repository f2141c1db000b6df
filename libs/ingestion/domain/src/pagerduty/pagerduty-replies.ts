import type { Rejection } from '../mapped-alert';

/** What a PagerDuty-compatible route answers: the status code and PagerDuty's own body. */
export interface PagerDutyReply<Body> {
  statusCode: number;
  body: Body;
}

export interface PagerDutyEventProcessed {
  status: 'success';
  message: 'Event processed';
  dedup_key: string;
}

export interface PagerDutyChangeProcessed {
  status: 'success';
  message: 'Change event processed';
}

export interface PagerDutyV1EventProcessed {
  status: 'success';
  message: 'Event processed';
  incident_key: string;
}

export interface PagerDutyInvalidEvent {
  status: 'invalid event';
  message: 'Event object is invalid';
  errors: string[];
}

/** `/v2/enqueue` accepted: 202 with the dedup key (fresh for a trigger that sent none). */
export function pagerDutyEventProcessed(dedupKey: string): PagerDutyReply<PagerDutyEventProcessed> {
  return { statusCode: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
}

/** `/v2/change/enqueue` accepted: 202, no key (go-pagerduty and PagerDuty's clients expect this body). */
export function pagerDutyChangeProcessed(): PagerDutyReply<PagerDutyChangeProcessed> {
  return { statusCode: 202, body: { status: 'success', message: 'Change event processed' } };
}

/** v1 `create_event.json` accepted: 200 (v1's code) with the incident key. */
export function pagerDutyV1EventProcessed(incidentKey: string): PagerDutyReply<PagerDutyV1EventProcessed> {
  return {
    statusCode: 200,
    body: { status: 'success', message: 'Event processed', incident_key: incidentKey },
  };
}

/** Any PagerDuty route refusing an event: 400, one sentence per problem, each naming its field. */
export function pagerDutyInvalidEvent(rejected: readonly Rejection[]): PagerDutyReply<PagerDutyInvalidEvent> {
  return {
    statusCode: 400,
    body: {
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: rejected.map((rejection) => rejection.message),
    },
  };
}
