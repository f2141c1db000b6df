import {
  MappingResult,
  pagerDutyChangeProcessed,
  pagerDutyEventProcessed,
  pagerDutyInvalidEvent,
  pagerDutyV1EventProcessed,
} from '@oncall/ingestion-domain';
import { ProblemDetails } from '@oncall/platform-runtime';
import { ReplyStyle } from './intake-routes';

export interface IntakeReply {
  statusCode: number;
  body: unknown;
}

/** Our 202: every alert stored from the body, and every element refused, by index. */
export interface IntakeAccepted {
  status: 'accepted';
  alerts: { alertId: string; dedupKey: string; action: string; disposition: string; recordReason?: string }[];
  rejected: { index?: number; field: string; message: string }[];
}

/** What a route answers once its alerts are stored. */
export function replyFor(style: ReplyStyle, result: MappingResult): IntakeReply {
  const first = result.alerts[0];
  switch (style) {
    case 'pagerduty-v2':
      return pagerDutyEventProcessed(first.dedupKey);
    case 'pagerduty-change':
      return pagerDutyChangeProcessed();
    case 'pagerduty-v1':
      return pagerDutyV1EventProcessed(first.dedupKey);
    case 'ours':
      return { statusCode: 202, body: accepted(result) };
  }
}

function accepted(result: MappingResult): IntakeAccepted {
  return {
    status: 'accepted',
    alerts: result.alerts.map(({ alertId, dedupKey, action, disposition, recordReason }) => ({
      alertId,
      dedupKey,
      action,
      disposition,
      ...(recordReason ? { recordReason } : {}),
    })),
    rejected: result.rejected,
  };
}

/** Refusals whose cause is the key: PagerDuty answers those as an invalid event naming the key field. */
const KEY_REFUSALS = new Set(['INTEGRATION_KEY_INVALID', 'INTEGRATION_TYPE_MISMATCH']);

/**
 * A refusal on a PagerDuty route, in PagerDuty's shape (ADR 0171): a problem with the event or its key is
 * 400 `invalid event` with one sentence per problem; anything else (415, 429, 503) keeps its status and
 * says why in the same shape, so PagerDuty clients read it as they read PagerDuty's.
 */
export function pagerDutyRefusal(refusal: ProblemDetails, keyField: string): IntakeReply {
  if (refusal.status === 400) {
    return pagerDutyInvalidEvent(refusal.errors ?? [{ field: 'body', message: refusal.detail }]);
  }
  if (refusal.code && KEY_REFUSALS.has(refusal.code)) {
    return pagerDutyInvalidEvent([{ field: keyField, message: `${keyField}: ${refusal.detail}` }]);
  }
  return {
    statusCode: refusal.status,
    body: {
      status: refusal.status === 429 ? 'throttle event' : 'error',
      message: refusal.detail,
      errors: (refusal.errors ?? []).map((error) => error.message),
    },
  };
}
