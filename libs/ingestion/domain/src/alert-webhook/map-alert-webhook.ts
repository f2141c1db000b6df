import { AlertBase, alertBase, withoutAbsentFields } from '../alert-base';
import type { IntegrationRef, MappedAlert, MappingResult, ReceptionFacts, Rejection } from '../mapped-alert';
import { FieldReader } from '../reading/field-reader';
import type { FieldProblem } from '../reading/json-rules';
import { truncateText } from '../reading/text-rules';
import { severityFromWord } from '../severity';
import { webhookImages, webhookLinks } from './webhook-links';

export const ALERT_WEBHOOK_LIMITS = {
  alerts: 1_000,
  labels: 100,
  labelValue: 1_024,
  annotationValue: 16_384,
  fingerprint: 255,
  groupKey: 2_048,
  summary: 1_024,
} as const;

/** Alertmanager's webhook says version "4"; Grafana's alerting webhook, built on it, says "1". */
const VERSIONS = ['4', '1'] as const;
const STATUSES = ['firing', 'resolved'] as const;
/** Go's zero time: what Alertmanager sends as `endsAt` while an alert fires. */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * A Prometheus Alertmanager (v4) or Grafana alerting webhook body: one alert per element of `alerts[]`,
 * keyed by its fingerprint (the open-alert index scopes keys to the integration), firing → trigger,
 * resolved → resolve, the body's `groupKey` as the group key. An invalid element is refused by index and
 * the valid ones are kept: neither sender retries a 4xx, so refusing the body would lose them.
 */
export function mapAlertWebhook(
  body: unknown,
  integration: IntegrationRef,
  facts: ReceptionFacts,
): MappingResult {
  const problems: FieldProblem[] = [];
  const webhook = FieldReader.of(body, '', problems);
  const elements = webhook?.optionalArray('alerts', ALERT_WEBHOOK_LIMITS.alerts);
  if (webhook && !webhook.present('alerts')) webhook.fail('alerts', 'must be an array of alerts');
  // An empty batch would be accepted with nothing in it: refused, so every body becomes alerts or a 400.
  if (elements?.length === 0) webhook?.fail('alerts', 'must hold at least one alert');
  webhook?.optionalOneOf('version', VERSIONS);
  const groupKey = webhook?.optionalText('groupKey', ALERT_WEBHOOK_LIMITS.groupKey);
  if (!webhook || !elements || problems.length > 0) return { alerts: [], rejected: problems };
  const result: MappingResult = { alerts: [], rejected: [] };
  elements.forEach((element, index) => {
    const mapped = mapElement(element, index, alertBase(integration, facts, index), groupKey);
    if ('rejected' in mapped) result.rejected.push(...mapped.rejected);
    else result.alerts.push(mapped.alert);
  });
  return result;
}

function mapElement(
  element: unknown,
  index: number,
  base: AlertBase,
  groupKey: string | undefined,
): { alert: MappedAlert } | { rejected: Rejection[] } {
  const problems: FieldProblem[] = [];
  const alert = FieldReader.of(element, `alerts.${index}`, problems);
  if (!alert) return { rejected: problems.map((problem) => ({ index, ...problem })) };
  const status = alert.oneOf('status', STATUSES);
  const labels = alert.optionalStringMap(
    'labels',
    ALERT_WEBHOOK_LIMITS.labels,
    ALERT_WEBHOOK_LIMITS.labelValue,
  );
  if (!alert.present('labels')) alert.fail('labels', 'must be an object of label values');
  const annotations = alert.optionalStringMap(
    'annotations',
    ALERT_WEBHOOK_LIMITS.labels,
    ALERT_WEBHOOK_LIMITS.annotationValue,
  );
  const mapped: MappedAlert = {
    ...base,
    action: status === 'firing' ? 'trigger' : 'resolve',
    dedupKey: alert.text('fingerprint', ALERT_WEBHOOK_LIMITS.fingerprint),
    groupKey,
    summary: summaryOf(alert, labels ?? {}, annotations ?? {}),
    ...severityFromWord(labels?.['severity']),
    source: labels?.['instance'],
    labels: labels ?? {},
    details: detailsOf(alert, annotations),
    links: webhookLinks(alert),
    images: webhookImages(alert),
    occurredAt: alert.optionalInstant('startsAt') ?? base.receivedAt,
    endsAt: status === 'resolved' ? endsAtOf(alert) : undefined,
  };
  if (problems.length > 0) return { rejected: problems.map((problem) => ({ index, ...problem })) };
  return { alert: withoutAbsentFields(mapped) };
}

/**
 * `annotations.summary`, else the `alertname` label. Cut to 1024 characters rather than refused: a
 * long annotation is the sender's template, and a refusal would lose the alert (no retry on 4xx).
 */
function summaryOf(
  alert: FieldReader,
  labels: Record<string, string>,
  annotations: Record<string, string>,
): string {
  const summary = [annotations['summary'], labels['alertname']].find((text) => text?.trim());
  if (summary === undefined) {
    alert.fail('labels.alertname', 'must be present when annotations.summary is absent');
    return '';
  }
  return truncateText(summary.trim(), ALERT_WEBHOOK_LIMITS.summary);
}

function detailsOf(
  alert: FieldReader,
  annotations: Record<string, string> | undefined,
): Record<string, unknown> | undefined {
  const values = alert.optionalJson('values');
  const valueString = alert.optionalText('valueString', ALERT_WEBHOOK_LIMITS.annotationValue);
  const details = withoutAbsentFields({ annotations, values, valueString });
  return Object.keys(details).length > 0 ? details : undefined;
}

function endsAtOf(alert: FieldReader): string | undefined {
  return alert.raw('endsAt') === GO_ZERO_TIME ? undefined : alert.optionalInstant('endsAt');
}
