'use strict';
// What deploy/generate-k8s.js describes: the settings, the secrets and each service's needs.

const NAMESPACE = 'oncall';
const IMAGE = 'oncall:0.1.0';
const PUBLIC_HOST = 'oncall.example.com';
const CONFIG_MAP = 'oncall-config';
const SECRET = 'oncall-secrets';
/** The image's `node` user (deploy/Dockerfile: USER 1000:1000). */
const APP_UID = 1000;
/** Namespaces of the pods allowed to reach services (NetworkPolicy): the ingress controller, Prometheus. */
const INGRESS_CONTROLLER_NAMESPACE = 'ingress-nginx';
const MONITORING_NAMESPACE = 'monitoring';
/** Pods of the official NATS Helm chart carry this label, in whichever namespace it is installed. */
const NATS_POD_LABELS = { 'app.kubernetes.io/name': 'nats' };
/** A rolling update sends SIGTERM after preStop; the service exits within 25 s (run-service.ts). */
const PRE_STOP_SECONDS = 3;
const TERMINATION_GRACE_SECONDS = 30;

/** Non-secret settings: every Deployment picks the keys it needs (see `config` below). */
const CONFIG_VALUES = {
  NATS_URL: 'nats://nats:4222',
  LOG_LEVEL: 'info',
  PUBLIC_URL: `https://${PUBLIC_HOST}`,
  // The Ingress routes /v1/alerts on the same host to the ingestion gateway.
  PUBLIC_ALERTS_URL: `https://${PUBLIC_HOST}`,
  HUB_JWKS_URL: '',
  HUB_ISSUER: '',
  HUB_AUDIENCE: '',
  HUB_SPA_CLIENT_ID: '',
  PSA_API_URL: '',
  MAX_ALERT_BODY_BYTES: '262144',
  INTEGRATION_RATE_PER_SECOND: '100',
  INTEGRATION_RATE_BURST: '1000',
  INVALID_KEY_RATE_PER_SOURCE: '10',
  INVALID_KEY_BURST_PER_SOURCE: '100',
  // The ingress controller's pods: with it set, per-source limits see the sender, not the ingress.
  TRUST_PROXY: '',
  GAP_SCAN_HOUR_UTC: '6',
  GAP_SCAN_DAYS: '14',
  ESCALATION_TIMER_LOOPS: '4',
  ESCALATION_TIMER_BATCH: '20',
  ESCALATION_RELAY_LOOPS: '4',
  LIVE_KEEP_ALIVE_MS: '25000',
  LIVE_STREAMS_PER_USER: '5',
  MAIL_FROM: `On-Call <oncall@${PUBLIC_HOST}>`,
  NOTIFY_DIGEST_THRESHOLD: '5',
};

/** Secret keys; the template holds placeholders only. REPLACE_ME marks the ones a service cannot start without. */
const SECRET_KEYS = {
  DATABASE_URL: 'REPLACE_ME',
  SMTP_URL: 'REPLACE_ME',
  ACTION_LINK_SECRET: 'REPLACE_ME',
  DEFEND_SERVICE_KEY: '',
  PSA_SERVICE_KEY: '',
  HUB_BILLING_KEY: '',
  // The image runs with NODE_ENV=production, where every service refuses to start without it.
  METRICS_TOKEN: 'REPLACE_ME',
};

const SMALL = { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
const HTTP_FACING = { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '384Mi' } };

/** Outbound connections beyond DNS, NATS and PostgreSQL (NetworkPolicy egress, any destination). */
const HTTPS = [{ port: 443, protocol: 'TCP' }];
const SMTP = [25, 465, 587].map((port) => ({ port, protocol: 'TCP' }));

/**
 * Per service: what it reads beyond the common variables, and its size. Every service is stateless (NATS
 * queue groups, durable consumers, FOR UPDATE SKIP LOCKED), so every one runs two replicas or more.
 * `database: false`: the service has none and gets no DATABASE_URL. `autoscale`: a HorizontalPodAutoscaler
 * sets its replicas from CPU (the HTTP-facing services, whose load is requests); the others keep a fixed
 * count, scaled by hand (deploy/README.md, "Scaling"). `egress`: where it connects outside the cluster.
 */
const SERVICES = {
  'admin-api': {
    config: [
      'HUB_JWKS_URL',
      'HUB_ISSUER',
      'HUB_AUDIENCE',
      'HUB_SPA_CLIENT_ID',
      'PUBLIC_URL',
      'PUBLIC_ALERTS_URL',
      'LIVE_KEEP_ALIVE_MS',
      'LIVE_STREAMS_PER_USER',
    ],
    secrets: ['HUB_BILLING_KEY'],
    autoscale: { min: 2, max: 6 },
    // Hub's key set (HUB_JWKS_URL).
    egress: HTTPS,
    literal: {
      // Only used when Hub is not configured; /tmp is the one writable place (readOnlyRootFilesystem).
      DEV_SIGNING_KEY_FILE: '/tmp/oncall/dev-signing-key.json',
      // The admin SPA built into the image (deploy/Dockerfile), served at /.
      SPA_DIST_DIR: '/app/dist/admin-spa',
    },
    resources: HTTP_FACING,
  },
  'ingestion-gateway': {
    database: false,
    config: [
      'MAX_ALERT_BODY_BYTES',
      'INTEGRATION_RATE_PER_SECOND',
      'INTEGRATION_RATE_BURST',
      'INVALID_KEY_RATE_PER_SOURCE',
      'INVALID_KEY_BURST_PER_SOURCE',
      'TRUST_PROXY',
    ],
    secrets: ['DEFEND_SERVICE_KEY'],
    autoscale: { min: 2, max: 10 },
    resources: HTTP_FACING,
  },
  'dedup-grouping': {},
  'incident-state': {},
  escalation: { config: ['ESCALATION_TIMER_LOOPS', 'ESCALATION_TIMER_BATCH', 'ESCALATION_RELAY_LOOPS'] },
  scheduling: { config: ['GAP_SCAN_HOUR_UTC', 'GAP_SCAN_DAYS'] },
  notification: {
    config: ['PUBLIC_URL', 'MAIL_FROM', 'NOTIFY_DIGEST_THRESHOLD'],
    secrets: ['SMTP_URL', 'ACTION_LINK_SECRET'],
    egress: SMTP,
    // Development-only paths (production has SMTP_URL and ACTION_LINK_SECRET); /tmp is the one writable place.
    literal: { ACTION_LINK_KEY_FILE: '/tmp/oncall/action-link-secret', DEV_MAIL_DIR: '/tmp/oncall/mail' },
  },
  'psa-sync': { config: ['PSA_API_URL', 'PUBLIC_URL'], secrets: ['PSA_SERVICE_KEY'], egress: HTTPS },
  reporting: {},
};

/** Paths routed from the Ingress; health, readiness and metrics stay inside the cluster. */
const INGRESS_PATHS = [
  { path: '/api', service: 'admin-api' },
  { path: '/v1/alerts', service: 'ingestion-gateway' },
  // The admin SPA (served by admin-api): its entry page, assets and deep links, named one by one so that
  // nothing else on admin-api's port (/healthz, /readyz, /metrics) becomes public.
  { path: '/', pathType: 'Exact', service: 'admin-api' },
  { path: '/assets', service: 'admin-api' },
  { path: '/incidents', service: 'admin-api' },
  { path: '/on-call', service: 'admin-api' },
  // The pages behind the links in emails: one-click acknowledge/resolve and email confirmation.
  { path: '/email-actions', service: 'admin-api' },
  { path: '/contact-verification', service: 'admin-api' },
];

module.exports = {
  NAMESPACE,
  IMAGE,
  PUBLIC_HOST,
  CONFIG_MAP,
  SECRET,
  APP_UID,
  INGRESS_CONTROLLER_NAMESPACE,
  MONITORING_NAMESPACE,
  NATS_POD_LABELS,
  PRE_STOP_SECONDS,
  TERMINATION_GRACE_SECONDS,
  CONFIG_VALUES,
  SECRET_KEYS,
  SMALL,
  SERVICES,
  INGRESS_PATHS,
};
