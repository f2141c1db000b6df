#!/usr/bin/env node
// Writes the kustomize base in k8s/base/ and the migration Job in k8s/migrate/ from one description of the
// services, so nine Deployments, Services, PodDisruptionBudgets and NetworkPolicies cannot drift apart. The
// overlays (k8s/overlays/dev, k8s/overlays/production) and k8s/monitoring/ are written by hand. Edit this
// file, run it, and commit both (test/deployment-artifacts.e2e-spec.ts fails when they differ).
//
//   node deploy/generate-k8s.js            rewrite k8s/base/ and k8s/migrate/
//   node deploy/generate-k8s.js --check    exit 1 if they are not what this script writes
'use strict';

const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const K8S_DIR = join(ROOT, 'k8s');
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

function platformServices() {
  const source = readFileSync(join(ROOT, 'scripts', 'platform-services.ts'), 'utf8');
  const found = [...source.matchAll(/\{\s*name:\s*'([a-z0-9-]+)',\s*port:\s*(\d+)\s*\}/g)].map((match) => ({
    name: match[1],
    port: Number(match[2]),
  }));
  const described = Object.keys(SERVICES).sort().join(', ');
  if (
    found
      .map((service) => service.name)
      .sort()
      .join(', ') !== described
  ) {
    throw new Error(
      `scripts/platform-services.ts lists other services than deploy/generate-k8s.js (${described})`,
    );
  }
  return found;
}

function labels(name) {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'oncall' };
}

function metadata(name, extra = {}) {
  return { name, namespace: NAMESPACE, labels: { ...labels(name), ...extra } };
}

function environment(name, port) {
  const service = SERVICES[name];
  const fromConfig = (key, optional) => ({
    name: key,
    valueFrom: { configMapKeyRef: { name: CONFIG_MAP, key, ...(optional ? { optional: true } : {}) } },
  });
  const fromSecret = (key) => ({
    name: key,
    valueFrom: {
      secretKeyRef: { name: SECRET, key, ...(SECRET_KEYS[key] === '' ? { optional: true } : {}) },
    },
  });
  return [
    { name: 'SERVICE', value: name },
    { name: 'PORT', value: String(port) },
    { name: 'HOST', value: '0.0.0.0' },
    { name: 'INSTANCE_ID', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ...(service.database === false ? [] : [fromSecret('DATABASE_URL')]),
    fromConfig('NATS_URL', false),
    fromConfig('LOG_LEVEL', false),
    // /metrics wants `Authorization: Bearer <token>` (required in production): give the scraper the same token.
    fromSecret('METRICS_TOKEN'),
    ...(service.config ?? []).map((key) => fromConfig(key, CONFIG_VALUES[key] === '')),
    ...(service.secrets ?? []).map(fromSecret),
    ...Object.entries(service.literal ?? {}).map(([key, value]) => ({ name: key, value })),
  ];
}

function deployment(name, port) {
  const probe = (path, periodSeconds, failureThreshold) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(name, { 'app.kubernetes.io/component': 'backend' }),
    spec: {
      // An autoscaled Deployment leaves replicas to its HorizontalPodAutoscaler (applying would reset it).
      ...(SERVICES[name].autoscale ? {} : { replicas: 2 }),
      revisionHistoryLimit: 5,
      selector: { matchLabels: labels(name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: { ...labels(name), 'app.kubernetes.io/component': 'backend' },
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(port),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          securityContext: securityContexts().POD_SECURITY_CONTEXT,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: labels(name) },
            },
          ],
          containers: [
            {
              name,
              image: IMAGE,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }],
              env: environment(name, port),
              // Migrations run before the port opens: allow up to 2 minutes before liveness applies.
              startupProbe: probe('/healthz', 2, 60),
              readinessProbe: probe('/readyz', 5, 3),
              livenessProbe: probe('/healthz', 10, 3),
              lifecycle: { preStop: { exec: { command: ['sleep', String(PRE_STOP_SECONDS)] } } },
              resources: SERVICES[name].resources ?? SMALL,
              securityContext: securityContexts().APP_SECURITY_CONTEXT,
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };
}

function service(name, port) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(name),
    spec: {
      type: 'ClusterIP',
      selector: labels(name),
      ports: [{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}

function podDisruptionBudget(name) {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(name),
    spec: { maxUnavailable: 1, selector: { matchLabels: labels(name) } },
  };
}

function ingress(ports) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      ...metadata('oncall'),
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '1m' },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: [PUBLIC_HOST], secretName: 'oncall-tls' }],
      rules: [
        {
          host: PUBLIC_HOST,
          http: {
            paths: INGRESS_PATHS.map(({ path, pathType = 'Prefix', service: target }) => ({
              path,
              pathType,
              backend: { service: { name: target, port: { number: ports[target] } } },
            })),
          },
        },
      ],
    },
  };
}

function horizontalPodAutoscaler(name) {
  const { min, max } = SERVICES[name].autoscale;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(name),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: min,
      maxReplicas: max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
      // Alert storms come in waves: scale up at once, scale down slowly so the next wave finds the pods.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

const tcp = (port) => ({ port, protocol: 'TCP' });
const fromNamespace = (namespace) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
});

/**
 * Deny everything, then allow per pod only what it needs: DNS; NATS (every service); PostgreSQL (services
 * with a database, and the migration Job); the service's own outbound connections; Prometheus scraping every
 * port; the ingress controller reaching the two public services. Services never call one another over HTTP.
 */
function networkPolicies(ports) {
  const policy = (name, podSelector, rules) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(name),
    spec: {
      podSelector,
      // A policy restricts the directions it names; the default deny names both.
      policyTypes: rules.ingress || !rules.egress ? ['Ingress', 'Egress'] : ['Egress'],
      ...rules,
    },
  });
  const dns = {
    to: [{ ...fromNamespace('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
    ports: [{ port: 53, protocol: 'UDP' }, tcp(53)],
  };
  const nats = {
    to: [{ namespaceSelector: {}, podSelector: { matchLabels: NATS_POD_LABELS } }],
    ports: [tcp(4222)],
  };
  // PostgreSQL is external (a managed service or an operator's cluster): narrow `to` in an overlay.
  const postgres = { ports: [tcp(5432)] };
  const publicServices = new Set(INGRESS_PATHS.map((path) => path.service));
  return [
    policy('default-deny', {}, {}),
    policy('allow-dns', {}, { egress: [dns] }),
    ...Object.entries(SERVICES).map(([name, service]) =>
      policy(
        name,
        { matchLabels: labels(name) },
        {
          ingress: [
            {
              from: [
                fromNamespace(MONITORING_NAMESPACE),
                ...(publicServices.has(name) ? [fromNamespace(INGRESS_CONTROLLER_NAMESPACE)] : []),
              ],
              ports: [tcp(ports[name])],
            },
          ],
          egress: [
            nats,
            ...(service.database === false ? [] : [postgres]),
            ...(service.egress ? [{ ports: service.egress }] : []),
          ],
        },
      ),
    ),
    policy(MIGRATION_JOB, { matchLabels: labels(MIGRATION_JOB) }, { egress: [postgres] }),
  ];
}

const MIGRATION_JOB = 'oncall-migrate';

/**
 * Applies every service's migrations before a rollout (deploy/migrate.js, under the same advisory locks the
 * services take at start), so a failing migration stops the upgrade before any pod is replaced.
 */
function migrationJob() {
  const { APP_SECURITY_CONTEXT, POD_SECURITY_CONTEXT } = securityContexts();
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(MIGRATION_JOB),
    spec: {
      backoffLimit: 2,
      activeDeadlineSeconds: 1800,
      template: {
        metadata: { labels: labels(MIGRATION_JOB) },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          securityContext: POD_SECURITY_CONTEXT,
          containers: [
            {
              name: 'migrate',
              image: IMAGE,
              imagePullPolicy: 'IfNotPresent',
              command: ['node', 'deploy/migrate.js'],
              env: [
                { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: SECRET, key: 'DATABASE_URL' } } },
              ],
              resources: SMALL,
              securityContext: APP_SECURITY_CONTEXT,
            },
          ],
        },
      },
    },
  };
}

function securityContexts() {
  return {
    POD_SECURITY_CONTEXT: {
      runAsNonRoot: true,
      runAsUser: APP_UID,
      runAsGroup: APP_UID,
      fsGroup: APP_UID,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    APP_SECURITY_CONTEXT: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    },
  };
}

function kustomization(resources) {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: NAMESPACE,
    resources,
    images: [{ name: IMAGE.split(':')[0], newTag: IMAGE.split(':')[1] }],
  };
}

function files() {
  const services = platformServices();
  const ports = Object.fromEntries(services.map(({ name, port }) => [name, port]));
  const base = {
    'namespace.yaml': [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: NAMESPACE,
          labels: {
            'app.kubernetes.io/part-of': 'oncall',
            // Every pod here meets the "restricted" Pod Security Standard; keep it that way.
            'pod-security.kubernetes.io/enforce': 'restricted',
          },
        },
      },
    ],
    'configmap.yaml': [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: metadata(CONFIG_MAP),
        data: CONFIG_VALUES,
      },
    ],
    'secret.template.yaml': [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: metadata(SECRET),
        type: 'Opaque',
        stringData: SECRET_KEYS,
      },
    ],
    'network-policies.yaml': networkPolicies(ports),
    'ingress.yaml': [ingress(ports)],
  };
  for (const { name, port } of services) {
    base[`${name}.yaml`] = [
      deployment(name, port),
      service(name, port),
      podDisruptionBudget(name),
      ...(SERVICES[name].autoscale ? [horizontalPodAutoscaler(name)] : []),
    ];
  }
  base['kustomization.yaml'] = [
    kustomization(Object.keys(base).filter((file) => file !== 'secret.template.yaml')),
  ];
  const generated = {
    ...Object.fromEntries(Object.entries(base).map(([file, documents]) => [`base/${file}`, documents])),
    'migrate/job.yaml': [migrationJob()],
    'migrate/kustomization.yaml': [kustomization(['job.yaml'])],
  };
  return Object.fromEntries(
    Object.entries(generated).map(([file, documents]) => [
      file,
      HEADERS[file.endsWith('.template.yaml') ? 'template' : 'generated'] +
        documents.map((document) => toYaml(document, 0)).join('---\n'),
    ]),
  );
}

const HEADERS = {
  generated: '# Generated by deploy/generate-k8s.js; edit that file and re-run it.\n',
  template:
    '# Generated by deploy/generate-k8s.js. A TEMPLATE: not part of kustomization.yaml, so applying an\n' +
    '# overlay never overwrites real secrets. Copy it outside git (k8s/secret.yaml is ignored), fill the values,\n' +
    '# and `kubectl apply -f` it; or create oncall-secrets with your secret manager. Empty values are\n' +
    '# treated as unset. DATABASE_URL: postgres://USER:PASSWORD@HOST:5432/DATABASE.\n',
};

/** Enough YAML for manifests: block mappings and sequences, scalars quoted when plain would mislead. */
function toYaml(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (isScalar(item)) return `${pad}- ${scalar(item)}\n`;
        const body = toYaml(item, indent + 2);
        return `${pad}- ${body.slice(indent + 2)}`;
      })
      .join('');
  }
  return Object.entries(value)
    .map(([key, item]) => {
      const name = scalar(key);
      if (isScalar(item)) return `${pad}${name}: ${scalar(item)}\n`;
      if (Array.isArray(item) && item.length === 0) return `${pad}${name}: []\n`;
      if (!Array.isArray(item) && Object.keys(item).length === 0) return `${pad}${name}: {}\n`;
      return `${pad}${name}:\n${toYaml(item, indent + 2)}`;
    })
    .join('');
}

function isScalar(value) {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function scalar(value) {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z0-9/._-][A-Za-z0-9/._:@-]*$/.test(value);
  const ambiguous = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._:]*|\.inf|\.nan)$/i.test(value);
  return plain && !ambiguous && !value.includes(': ') ? value : `'${value.replace(/'/g, "''")}'`;
}

function main(argv) {
  const check = argv.includes('--check');
  const stale = [];
  mkdirSync(K8S_DIR, { recursive: true });
  for (const [file, content] of Object.entries(files())) {
    const path = join(K8S_DIR, file);
    mkdirSync(dirname(path), { recursive: true });
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    if (check) stale.push(file);
    else writeFileSync(path, content);
  }
  if (stale.length > 0) {
    console.error(
      `k8s/ differs from deploy/generate-k8s.js in: ${stale.join(', ')}. Run: node deploy/generate-k8s.js`,
    );
    process.exit(1);
  }
}

main(process.argv.slice(2));
