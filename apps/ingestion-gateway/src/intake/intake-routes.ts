import type { IntegrationType } from '@oncall/contracts';
import type { IntakeFormatName } from '@oncall/ingestion-domain';
import type { WhenLimited } from '../rate-limits/alert-rate-limits';

/**
 * How a route answers: our own (202 with the accepted alerts, problem+json refusals), or one of
 * PagerDuty's (its success bodies and `invalid event` refusals), so existing tools work unchanged.
 */
export type ReplyStyle = 'ours' | 'pagerduty-v2' | 'pagerduty-change' | 'pagerduty-v1';

export interface IntakeRoute {
  /** Fastify's template: `:integrationKey` when the key is in the URL. */
  url: string;
  methods: ('POST' | 'PUT')[];
  /** The integration type whose keys this route takes. */
  type: IntegrationType;
  format: IntakeFormatName;
  /** Where the key is: the URL (checked before the body is read, ADR 0132), or the body (PagerDuty). */
  keyIn: 'url' | 'body';
  whenLimited: WhenLimited;
  replies: ReplyStyle;
  summary: string;
}

/**
 * Every URL admin-api hands out for a keyed integration, and PagerDuty's own paths (ADR 0171). Defend's
 * service-key route and the generic route are served by their own use cases.
 */
export const INTAKE_ROUTES: readonly IntakeRoute[] = [
  {
    url: '/v1/alerts/rmm/:integrationKey',
    methods: ['POST'],
    type: 'rmm',
    format: 'rmm-alert.v1',
    keyIn: 'url',
    whenLimited: 429,
    replies: 'ours',
    summary: 'An RMM device alert raised or cleared',
  },
  {
    url: '/v1/alerts/security/:integrationKey',
    methods: ['POST'],
    type: 'security',
    format: 'security-finding.v1',
    keyIn: 'url',
    whenLimited: 429,
    replies: 'ours',
    summary: 'A security finding (M365 posture, dark-web exposure, identity risk)',
  },
  {
    url: '/v1/alerts/backups/:integrationKey',
    methods: ['POST'],
    type: 'backups',
    format: 'backup-job.v1',
    keyIn: 'url',
    whenLimited: 429,
    replies: 'ours',
    summary: 'A backup job result',
  },
  {
    url: '/v1/alerts/alertmanager/:integrationKey',
    // Grafana's alerting webhook may be set to PUT.
    methods: ['POST', 'PUT'],
    type: 'alertmanager',
    format: 'alert-webhook.v4',
    keyIn: 'url',
    // Alertmanager retries 5xx only: a 429 would drop the alerts for good (ADR 0133).
    whenLimited: 503,
    replies: 'ours',
    summary: 'A Prometheus Alertmanager (v4) or Grafana alerting webhook',
  },
  {
    url: '/v1/alerts/pagerduty/:integrationKey',
    methods: ['POST'],
    type: 'pagerduty',
    format: 'pagerduty-event.v2',
    keyIn: 'url',
    whenLimited: 429,
    replies: 'pagerduty-v2',
    summary: 'A PagerDuty Events API v2 event, the key in the URL (routing_key optional)',
  },
  {
    url: '/v2/enqueue',
    methods: ['POST'],
    type: 'pagerduty',
    format: 'pagerduty-event.v2',
    keyIn: 'body',
    whenLimited: 429,
    replies: 'pagerduty-v2',
    summary: 'PagerDuty Events API v2: trigger, acknowledge or resolve by dedup_key',
  },
  {
    url: '/v2/change/enqueue',
    methods: ['POST'],
    type: 'pagerduty',
    format: 'pagerduty-change.v2',
    keyIn: 'body',
    whenLimited: 429,
    replies: 'pagerduty-change',
    summary: 'PagerDuty change event: recorded on the service, never pages',
  },
  {
    url: '/generic/2010-04-15/create_event.json',
    methods: ['POST'],
    type: 'pagerduty',
    format: 'pagerduty-event.v1',
    keyIn: 'body',
    whenLimited: 429,
    replies: 'pagerduty-v1',
    summary: 'PagerDuty Events API v1 (legacy)',
  },
];

/** The body field PagerDuty's formats carry the key in. */
export function bodyKeyField(route: IntakeRoute): 'routing_key' | 'service_key' {
  return route.format === 'pagerduty-event.v1' ? 'service_key' : 'routing_key';
}
