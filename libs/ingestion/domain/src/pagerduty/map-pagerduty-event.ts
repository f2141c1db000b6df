import { AlertBase, alertBase, mapSingleEvent } from '../alert-base';
import { ALERT_ACTIONS, AlertAction, MappedAlert, PayloadMapper } from '../mapped-alert';
import { FieldReader } from '../reading/field-reader';
import { severityFromWord } from '../severity';
import {
  PAGERDUTY_LIMITS,
  readClientLink,
  readDetails,
  readImages,
  readIntegrationKey,
  readLinks,
} from './pagerduty-fields';

/**
 * A PagerDuty Events API v2 event (`POST /v2/enqueue`). A trigger without `dedup_key` gets a fresh key,
 * the alert's own id (returned in the 202), so it always opens a new alert, as PagerDuty does.
 * Acknowledge and resolve need the key and ignore `payload`, as PagerDuty does.
 */
export const mapPagerDutyEvent: PayloadMapper = pagerDutyFormat(
  { key: 'routing_key', action: 'event_action', dedupKey: 'dedup_key' },
  trigger,
);

/** Where a PagerDuty event format keeps the integration key, the action and the dedup key. */
export interface PagerDutyFormatFields {
  key: 'routing_key' | 'service_key';
  action: string;
  dedupKey: string;
}

/**
 * What the v2 and v1 event formats share: the integration key, the action, and a dedup key only a trigger
 * may leave out (it then gets a fresh one, the alert's id); `trigger` reads the rest of a trigger.
 */
export function pagerDutyFormat(
  fields: PagerDutyFormatFields,
  trigger: (event: FieldReader, base: AlertBase, dedupKey: string) => MappedAlert,
): PayloadMapper {
  return (body, integration, facts) =>
    mapSingleEvent(body, (event) => {
      readIntegrationKey(event, fields.key);
      const action = event.oneOf(fields.action, ALERT_ACTIONS);
      if (action !== 'trigger' && !event.present(fields.dedupKey))
        event.fail(fields.dedupKey, `is required unless ${fields.action} is trigger`);
      const base = alertBase(integration, facts);
      const dedupKey = event.optionalText(fields.dedupKey, PAGERDUTY_LIMITS.dedupKey) ?? base.alertId;
      return action === 'trigger' ? trigger(event, base, dedupKey) : followUp(base, action, dedupKey);
    });
}

function trigger(event: FieldReader, base: AlertBase, dedupKey: string): MappedAlert {
  const payload = event.object('payload');
  const group = payload.optionalText('group', PAGERDUTY_LIMITS.name);
  return {
    ...base,
    action: 'trigger',
    dedupKey,
    summary: payload.text('summary', PAGERDUTY_LIMITS.summary),
    source: payload.text('source', PAGERDUTY_LIMITS.name),
    ...severityFromWord(payload.text('severity', PAGERDUTY_LIMITS.name)),
    component: payload.optionalText('component', PAGERDUTY_LIMITS.name),
    group,
    groupKey: group,
    class: payload.optionalText('class', PAGERDUTY_LIMITS.name),
    details: readDetails(payload, 'custom_details'),
    links: [...readLinks(event), ...readClientLink(event)],
    images: readImages(event),
    occurredAt: payload.optionalInstant('timestamp') ?? base.receivedAt,
  };
}

/** Acknowledge/resolve carry no payload worth keeping: the summary says what the sender did. */
export function followUp(base: AlertBase, action: AlertAction, dedupKey: string): MappedAlert {
  const summary = action === 'resolve' ? 'Resolved by the sender' : 'Acknowledged by the sender';
  return { ...base, action, dedupKey, summary, severity: 'info', occurredAt: base.receivedAt };
}
