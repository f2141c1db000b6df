'use strict';
// Deployments, Services, PodDisruptionBudgets, HorizontalPodAutoscalers, the Ingress and the migration Job.

const {
  NAMESPACE,
  IMAGE,
  PUBLIC_HOST,
  CONFIG_MAP,
  SECRET,
  APP_UID,
  PRE_STOP_SECONDS,
  TERMINATION_GRACE_SECONDS,
  CONFIG_VALUES,
  SECRET_KEYS,
  SMALL,
  SERVICES,
  INGRESS_PATHS,
} = require('./settings');

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

/** One service's file: its Deployment, Service, PodDisruptionBudget and, if it autoscales, its autoscaler. */
function serviceWorkloads(name, port) {
  return [
    deployment(name, port),
    service(name, port),
    podDisruptionBudget(name),
    ...(SERVICES[name].autoscale ? [horizontalPodAutoscaler(name)] : []),
  ];
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

module.exports = { labels, metadata, serviceWorkloads, ingress, migrationJob, MIGRATION_JOB };
