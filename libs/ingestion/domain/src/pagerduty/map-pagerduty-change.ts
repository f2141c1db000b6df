import { alertBase, mapSingleEvent, recorded } from '../alert-base';
import type { IntegrationRef, MappingResult, ReceptionFacts } from '../mapped-alert';
import { PAGERDUTY_LIMITS, readDetails, readIntegrationKey, readLinks } from './pagerduty-fields';

export const CHANGE_EVENT_REASON = 'a change event: shown on the service timeline, never pages';

/**
 * A PagerDuty change event (`POST /v2/change/enqueue`): a `change` record (ADR 0170), kept and shown,
 * never paging. Each is its own record: the key is the alert's id, so no two change events dedup.
 */
export function mapPagerDutyChange(
  body: unknown,
  integration: IntegrationRef,
  facts: ReceptionFacts,
): MappingResult {
  return mapSingleEvent(body, (event) => {
    readIntegrationKey(event, 'routing_key');
    const payload = event.object('payload');
    const base = alertBase(integration, facts);
    return {
      ...base,
      ...recorded(CHANGE_EVENT_REASON),
      kind: 'change',
      action: 'trigger',
      dedupKey: base.alertId,
      summary: payload.text('summary', PAGERDUTY_LIMITS.summary),
      source: payload.optionalText('source', PAGERDUTY_LIMITS.name),
      severity: 'info',
      details: readDetails(payload, 'custom_details'),
      links: readLinks(event),
      occurredAt: payload.optionalInstant('timestamp') ?? base.receivedAt,
    };
  });
}
