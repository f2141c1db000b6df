import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { getMetadataStorage } from 'class-validator';
import { DataSource } from 'typeorm';
import { parse } from 'yaml';
import { createServiceDataSource, runMigrations } from '@oncall/platform-persistence';
import { createTestDatabase, REPO_ROOT, TestDatabase } from '@oncall/platform-testing';
import { AdminApiConfig } from '../apps/admin-api/src/admin-api.config';
import { adminApiService } from '../apps/admin-api/src/admin-api.service';
import { DedupGroupingConfig } from '../apps/dedup-grouping/src/dedup-grouping.config';
import { dedupGroupingService } from '../apps/dedup-grouping/src/dedup-grouping.service';
import { EscalationConfig } from '../apps/escalation/src/escalation.config';
import { escalationService } from '../apps/escalation/src/escalation.service';
import { IncidentStateConfig } from '../apps/incident-state/src/incident-state.config';
import { incidentStateService } from '../apps/incident-state/src/incident-state.service';
import { IngestionGatewayConfig } from '../apps/ingestion-gateway/src/ingestion-gateway.config';
import { NotificationConfig } from '../apps/notification/src/notification.config';
import { notificationService } from '../apps/notification/src/notification.service';
import { PsaSyncConfig } from '../apps/psa-sync/src/psa-sync.config';
import { psaSyncService } from '../apps/psa-sync/src/psa-sync.service';
import { ReportingConfig } from '../apps/reporting/src/reporting.config';
import { reportingService } from '../apps/reporting/src/reporting.service';
import { SchedulingConfig } from '../apps/scheduling/src/scheduling.config';
import { schedulingService } from '../apps/scheduling/src/scheduling.service';
import {
  KubeObject,
  KUBECTL,
  kubectlKustomize,
  objectKey,
  readObjects,
  renderKustomization,
} from './deployment/kustomize';
import { composeValidator, kubernetesSchemaErrors, prometheusRuleErrors } from './deployment/schemas';

const K8S = join(REPO_ROOT, 'k8s');
const KUSTOMIZATIONS = [
  'base',
  'migrate',
  'monitoring',
  'overlays/dev',
  'overlays/dev/migrate',
  'overlays/production',
  'overlays/production/migrate',
];
const OVERLAYS = ['overlays/dev', 'overlays/production'];
const CONFIG_CLASSES = [
  AdminApiConfig, DedupGroupingConfig, EscalationConfig, IncidentStateConfig, IngestionGatewayConfig,
  NotificationConfig, PsaSyncConfig, ReportingConfig, SchedulingConfig,
]; // prettier-ignore
/** Read outside the config classes: the image's CMD (SERVICE) and the HTTP listener (HOST). */
const READ_OUTSIDE_CONFIG = ['SERVICE', 'HOST'];
/** Set per pod rather than in the ConfigMap/Secret: Deployment literals, fieldRefs, or the image itself. */
const PER_POD = ['SERVICE', 'PORT', 'HOST', 'INSTANCE_ID', 'NODE_ENV', 'DEV_SIGNING_KEY_FILE', 'SPA_DIST_DIR',
  'ACTION_LINK_KEY_FILE', 'DEV_MAIL_DIR']; // prettier-ignore
/** Deliberately left to their defaults in every deployment (tests only: ADR 0009, ADR 0121). */
const TEST_ONLY = ['NATS_SUBJECT_PREFIX', 'PLATFORM_CLOCK'];

const rendered = new Map<string, KubeObject[]>(
  KUSTOMIZATIONS.map((path) => [path, renderKustomization(join(K8S, path))]),
);
const sorted = (objects: KubeObject[]) =>
  [...objects].sort((a, b) => objectKey(a).localeCompare(objectKey(b)));

function validationErrors(object: KubeObject): string[] {
  return object.kind === 'PrometheusRule' ? prometheusRuleErrors(object) : kubernetesSchemaErrors(object);
}

describe('Kubernetes manifests, rendered and validated offline', () => {
  // Without kubectl the comparison is skipped, saying so; the renderer still refuses what it cannot apply.
  (KUBECTL ? it.each(KUSTOMIZATIONS) : it.skip.each(KUSTOMIZATIONS))(
    `renders k8s/%s exactly as kubectl kustomize does${KUBECTL ? '' : ' (skipped: kubectl is not installed)'}`,
    (path) => {
      const ours = sorted(rendered.get(path)!);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(sorted(kubectlKustomize(join(K8S, path))!));
    },
  );

  it.each(KUSTOMIZATIONS)('validates every object of k8s/%s against the Kubernetes 1.27 schemas', (path) => {
    const errors = rendered
      .get(path)!
      .map((object) => ({ object: objectKey(object), errors: validationErrors(object) }));
    expect(errors.filter((entry) => entry.errors.length > 0)).toEqual([]);
  });

  it('rejects a deliberately broken manifest, naming each mistake', () => {
    const [broken] = renderKustomization(join(REPO_ROOT, 'test/deployment/broken-manifest'));
    const [message] = kubernetesSchemaErrors(broken);
    expect(message).toMatch(/spec\/replicas must be integer/);
    expect(message).toMatch(/readinessProbe\/httpGet\/port/);
    expect(message).toMatch(/limits\/cpu must match format "quantity"/);
    expect(kubernetesSchemaErrors({ ...broken, apiVersion: 'apps/v9' })).toEqual([
      'apps/v9 is not an API version of Kubernetes 1.27',
    ]);
    const rule = rendered.get('monitoring')!.find((object) => object.kind === 'PrometheusRule')!;
    const misspelt = { ...rule, spec: { groups: [{ name: 'x', rules: [{ alert: 'A', expresion: 'up' }] }] } };
    expect(prometheusRuleErrors(misspelt).join('\n')).toMatch(/must have required property 'expr'/);
  });

  it.each(OVERLAYS)(
    'k8s/%s: probes, graceful stop, budgets, autoscalers, policies and ingress fit together',
    (path) => {
      const objects = rendered.get(path)!;
      const ofKind = (kind: string) => objects.filter((object) => object.kind === kind) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const deployments = ofKind('Deployment');
      expect(deployments).toHaveLength(9);
      const autoscaled = new Set(
        ofKind('HorizontalPodAutoscaler').map((hpa) => hpa.spec.scaleTargetRef.name),
      );
      expect([...autoscaled].sort()).toEqual(['admin-api', 'ingestion-gateway']);
      const services = new Map(ofKind('Service').map((service) => [service.metadata.name, service]));
      for (const deployment of deployments) {
        const name = deployment.metadata.name;
        const pod = deployment.spec.template.spec;
        const [container] = pod.containers;
        expect({ name, readiness: container.readinessProbe.httpGet.path, liveness: container.livenessProbe.httpGet.path })
        .toEqual({ name, readiness: '/readyz', liveness: '/healthz' }); // prettier-ignore
        expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', expect.any(String)]);
        // preStop's pause plus the service's own 25 s drain must fit in the grace period.
        expect(Number(container.lifecycle.preStop.exec.command[1]) + 25).toBeLessThanOrEqual(
          pod.terminationGracePeriodSeconds,
        );
        expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        const labels = deployment.spec.template.metadata.labels;
        const selects = (selector: Record<string, string>) =>
          Object.entries(selector).every(([key, value]) => labels[key] === value);
        expect(
          ofKind('PodDisruptionBudget').filter((pdb) => selects(pdb.spec.selector.matchLabels)),
        ).toHaveLength(1);
        expect(selects(services.get(name).spec.selector)).toBe(true);
        const policies = ofKind('NetworkPolicy').filter((policy) =>
          selects(policy.spec.podSelector.matchLabels ?? {}),
        );
        expect(policies.map((policy) => policy.metadata.name).sort()).toEqual(
          ['allow-dns', 'default-deny', name].sort(),
        );
        // An autoscaled Deployment must not carry replicas in production, or each apply resets the autoscaler.
        if (path === 'overlays/production')
          expect({ name, replicas: deployment.spec.replicas }).toEqual({
            name,
            replicas: autoscaled.has(name) ? undefined : 2,
          });
      }
      const backends = ofKind('Ingress').flatMap(
        (ingress) =>
          ingress.spec.rules.flatMap((rule: any) => rule.http.paths.map((p: any) => p.backend.service)), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
      for (const backend of backends) {
        expect(services.get(backend.name).spec.ports.map((port: { port: number }) => port.port)).toContain(
          backend.port.number,
        );
        const policy = ofKind('NetworkPolicy').find((p) => p.metadata.name === backend.name);
        const from = policy.spec.ingress.flatMap((rule: any) => rule.from); // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(from).toContainEqual({
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
        });
      }
    },
  );

  it('pins one image everywhere in an overlay, the migration Job included', () => {
    for (const overlay of OVERLAYS) {
      const images = [...rendered.get(overlay)!, ...rendered.get(`${overlay}/migrate`)!]
        .flatMap((object) => (object.kind === 'Deployment' || object.kind === 'Job' ? [object] : []))
        .map((object: any) => object.spec.template.spec.containers[0].image); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(new Set(images).size).toBe(1);
      expect(images[0]).toMatch(/:\d+\.\d+\.\d+$/);
    }
  });
});

describe('Configuration: what the code reads is in the ConfigMap/Secret templates and the README', () => {
  const base = rendered.get('base')!;
  const configMapKeys = Object.keys((base.find((o) => o.kind === 'ConfigMap') as any).data); // eslint-disable-line @typescript-eslint/no-explicit-any
  const secretKeys = Object.keys((readObjects(join(K8S, 'base/secret.template.yaml'))[0] as any).stringData); // eslint-disable-line @typescript-eslint/no-explicit-any
  const readByCode = [
    ...new Set([
      ...CONFIG_CLASSES.flatMap((schema) =>
        getMetadataStorage()
          .getTargetValidationMetadatas(schema, '', true, false)
          .map((m) => m.propertyName),
      ),
      ...READ_OUTSIDE_CONFIG,
    ]),
  ].sort();
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const configurationSection = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
  );
  const readmeVariables = new Set(
    configurationSection
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1])),
  );

  it('finds the variables the services read (sanity: the common ones and one per service)', () => {
    expect(readByCode).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'NATS_URL',
        'SMTP_URL',
        'TRUST_PROXY',
        'GAP_SCAN_DAYS',
        'PSA_API_URL',
      ]),
    );
  });

  it('has every variable the code reads in the ConfigMap or the Secret template (or set per pod)', () => {
    const templated = new Set([...configMapKeys, ...secretKeys, ...PER_POD, ...TEST_ONLY]);
    expect(readByCode.filter((name) => !templated.has(name))).toEqual([]);
    expect([...configMapKeys, ...secretKeys].filter((name) => !readByCode.includes(name))).toEqual([]);
  });

  it("has every variable the code reads in the README's configuration table, and no other", () => {
    expect(readByCode.filter((name) => !readmeVariables.has(name))).toEqual([]);
    expect([...readmeVariables].filter((name) => !readByCode.includes(name))).toEqual([]);
  });
});

describe('docker-compose.yml against the Compose specification', () => {
  const validate = composeValidator();
  const compose = () => parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });

  it('validates', () => {
    expect(validate(compose())).toEqual([]);
  });

  it('rejects a broken copy', () => {
    const broken = compose();
    broken.services.nats.restart = 5;
    broken.services.postgres.healthcheck.interval = 'ten seconds';
    broken.services['admin-api'].enviroment = {};
    expect(validate(broken)).toEqual(
      expect.arrayContaining([
        '/services/nats/restart must be string',
        '/services/postgres/healthcheck/interval must match format "duration"',
        '/services/admin-api must NOT have additional properties',
      ]),
    );
  });
});

describe('Monitoring: alert rules and the PostgreSQL exporter queries', () => {
  const queries = parse(
    readFileSync(join(REPO_ROOT, 'deploy/monitoring/postgres-exporter-queries.yaml'), 'utf8'),
  ) as Record<string, { query: string; metrics: Record<string, { usage: string }>[] }>;
  const exporterMetrics = Object.entries(queries).flatMap(([name, { metrics }]) =>
    metrics.flatMap((metric) =>
      Object.entries(metric)
        .filter(([, { usage }]) => usage !== 'LABEL')
        .map(([column]) => `${name}_${column}`),
    ),
  );
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('manifests');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('alerts only on metrics that exist: registered by a service or produced by the exporter queries', () => {
    const registered = spawnSync('grep', ['-rhoE', "name: 'oncall_[a-z_]+'", 'apps', 'libs', '--include=*.ts'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .stdout.split('\n').filter(Boolean).map((line) => line.slice(7, -1)); // prettier-ignore
    expect(registered).toContain('oncall_dead_letters_total');
    const known = new Set([
      ...registered.flatMap((name) => [name, `${name}_count`, `${name}_sum`, `${name}_bucket`]),
      ...exporterMetrics,
    ]);
    const rule = rendered.get('monitoring')!.find((object) => object.kind === 'PrometheusRule') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const alerts = rule.spec.groups.flatMap((group: any) => group.rules) as { alert: string; expr: string }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(alerts.map((alert) => alert.alert)).toEqual(
      expect.arrayContaining([
        'OnCallConsumerLag',
        'OnCallTimersLate',
        'OnCallOutboxBacklog',
        'OnCallSmtpFailures',
      ]),
    );
    const used = alerts.flatMap((alert) =>
      [...alert.expr.matchAll(/\boncall_[a-z0-9_]+/g)].map((match) => match[0]),
    );
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  it('runs every exporter query on a database every service migrated, and covers each outbox and timers table', async () => {
    const definitions = [adminApiService, dedupGroupingService, escalationService, incidentStateService, notificationService,
      psaSyncService, reportingService, schedulingService].map((factory) => factory({} as never)); // prettier-ignore
    for (const definition of definitions) {
      if (definition.database === false) continue;
      const source = createServiceDataSource({ url: database.url, schema: definition.schema, migrations: definition.migrations, entities: [], applicationName: 'manifests-test' }); // prettier-ignore
      await source.initialize();
      await runMigrations(source, definition.schema);
      await source.destroy();
    }
    const admin = new DataSource({ type: 'postgres', url: database.url });
    await admin.initialize();
    try {
      const tables = (await admin.query(
        `SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('outbox', 'timers', 'incident_timers')`,
      )) as { table_schema: string; table_name: string }[];
      const allQueries = Object.values(queries)
        .map((entry) => entry.query)
        .join('\n');
      expect(tables.length).toBeGreaterThan(5);
      expect(
        tables.map((t) => `${t.table_schema}.${t.table_name}`).filter((table) => !allQueries.includes(table)),
      ).toEqual([]);
      for (const [name, { query, metrics }] of Object.entries(queries)) {
        const rows = (await admin.query(query)) as Record<string, unknown>[];
        expect({ name, rows: rows.length > 0 }).toEqual({ name, rows: true });
        for (const column of metrics.flatMap((metric) => Object.keys(metric)))
          expect(rows[0]).toHaveProperty(column);
      }
    } finally {
      await admin.destroy();
    }
  });
});

describe('deploy/migrate.js, the migration Job', () => {
  const outRoot = join(REPO_ROOT, 'tmp', `migrate-${randomBytes(4).toString('hex')}`);
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('migrate-job');
  });
  afterAll(async () => {
    rmSync(outRoot, { recursive: true, force: true });
    await database?.drop();
  });

  it('applies a built service’s migrations once, skips the gateway, and is a no-op the second time', () => {
    const build = spawnSync(process.execPath, ['scripts/build-app.js', 'reporting', 'ingestion-gateway', '--out-dir', outRoot], { cwd: REPO_ROOT, encoding: 'utf8' }); // prettier-ignore
    expect(build.status).toBe(0);
    const run = () => {
      const migrate = spawnSync(process.execPath, ['deploy/migrate.js', '--dist', outRoot], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, DATABASE_URL: database.url },
      });
      expect(migrate.stderr).toBe('');
      expect(migrate.status).toBe(0);
      return migrate.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { service: string; applied?: string[] });
    };
    const first = run();
    expect(first).toEqual([
      { service: 'ingestion-gateway', skipped: 'no database' },
      {
        service: 'reporting',
        schema: 'reporting',
        applied: expect.arrayContaining(['CreateReportingReadModels1797000000000']),
      },
    ]);
    expect(run()[1]).toEqual({ service: 'reporting', schema: 'reporting', applied: [] });
    expect(existsSync(join(REPO_ROOT, 'deploy/migrate.js'))).toBe(true);
    expect(readdirSync(outRoot).sort()).toEqual(['ingestion-gateway', 'reporting']);
  });
});
