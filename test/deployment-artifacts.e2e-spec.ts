import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { CORE_SCHEMA, load, loadAll, mergeTag } from 'js-yaml';
import { loadConfig } from '@oncall/platform-config';
import {
  createTestDatabase,
  createTestNamespace,
  freePort,
  REPO_ROOT,
  TEST_NATS_URL,
  TestDatabase,
  waitFor,
} from '@oncall/platform-testing';
import { PLATFORM_SERVICES } from '../scripts/platform-services';
import { CONFIG_SCHEMAS, PlatformServiceName } from './support/config-schemas';

type Env = Record<string, string>;

/** Named in DESIGN.md ("Running it"): the deployment may pass them before a config class reads them. */
const PLATFORM_VARIABLES = [
  'DATABASE_URL', 'NATS_URL', 'SMTP_URL', 'HUB_JWKS_URL', 'HUB_ISSUER', 'HUB_AUDIENCE',
  'DEFEND_SERVICE_KEY', 'PSA_API_URL', 'PSA_SERVICE_KEY', 'HUB_BILLING_KEY', 'PUBLIC_URL',
]; // prettier-ignore
/** Read outside the config class: the image's CMD (SERVICE) and the HTTP listener (HOST). */
const DEPLOYMENT_VARIABLES = ['SERVICE', 'HOST'];
const SECRET_VARIABLES = [
  'DATABASE_URL', 'SMTP_URL', 'DEFEND_SERVICE_KEY', 'PSA_SERVICE_KEY', 'HUB_BILLING_KEY', 'METRICS_TOKEN',
]; // prettier-ignore
/** Config variables a deployment deliberately leaves to their defaults. */
// NODE_ENV=production is baked into the image (deploy/Dockerfile), not passed per service. PLATFORM_CLOCK is
// `system` in every deployment (`test` is for end-to-end tests only, ADR 0121).
const LEFT_TO_DEFAULT = ['NATS_SUBJECT_PREFIX', 'INSTANCE_ID', 'NODE_ENV', 'PLATFORM_CLOCK'];
const PLACEHOLDERS = ['', 'REPLACE_ME'];
const HEALTH_PATHS = ['/healthz', '/readyz', '/metrics'];
const SUBSTITUTION = /\$\{(\w+)(:?[-?])?([^}]*)\}/g;
const URL_WITH_LITERAL_PASSWORD = /:\/\/[^/:@\s]+:(?!\$\{)[^@\s]+@/;
const isSecret = (name: string) =>
  SECRET_VARIABLES.includes(name) || /PASSWORD|SECRET|TOKEN|_KEY$/.test(name);

/** Variables a service's config declares, and those it cannot start without (PORT and HOST included). */
function configVariables(service: PlatformServiceName): { declared: string[]; required: string[] } {
  const schema: new () => object = CONFIG_SCHEMAS[service];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  const declared = [...new Set(metadata.map((entry) => entry.propertyName))];
  const conditional = new Set(
    metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  const defaults = new Map<string, unknown>(Object.entries(new schema()));
  const withoutDefault = declared.filter(
    (name) => !conditional.has(name) && defaults.get(name) === undefined,
  );
  return { declared, required: [...withoutDefault, 'PORT', 'HOST'] };
}

/**
 * Required variables are provided; every variable the config declares is wired (so a new one cannot be
 * forgotten here), and nothing is passed that no config reads or DESIGN.md names (a typo).
 */
function expectVariablesFit(service: PlatformServiceName, names: string[]): void {
  const { declared, required } = configVariables(service);
  expect(required).toEqual(expect.arrayContaining(['NATS_URL', 'PORT', 'HOST']));
  // A service with a database cannot start without it; one without (the gateway) is not given one.
  expect({ service, database: names.includes('DATABASE_URL') }).toEqual({
    service,
    database: hasDatabase(service),
  });
  expect(names).toEqual(expect.arrayContaining(required));
  const notWired = declared.filter((name) => !names.includes(name) && !LEFT_TO_DEFAULT.includes(name));
  expect({ service, notWired }).toEqual({ service, notWired: [] });
  const known = new Set([...declared, ...PLATFORM_VARIABLES, ...DEPLOYMENT_VARIABLES]);
  expect({ service, unknown: names.filter((name) => !known.has(name)) }).toEqual({ service, unknown: [] });
}

/** Whether the service's config wants a database (the ingestion gateway has none, ADR 0131). */
function hasDatabase(service: PlatformServiceName): boolean {
  return configVariables(service).required.includes('DATABASE_URL');
}

/** The environment validates exactly as the service's main.ts would validate it. */
function expectConfigLoads(service: PlatformServiceName, env: Env, port: number): void {
  const schema: new () => object = CONFIG_SCHEMAS[service];
  const config = loadConfig(schema, env) as { PORT: number };
  expect(config.PORT).toBe(port);
}

function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

function expectPinned(image: string): void {
  expect(image).toMatch(/^[a-z0-9./_-]+:[\w.-]*\d[\w.-]*$/);
  expect(image).not.toMatch(/:latest$/);
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  restart?: string;
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  command?: string[];
  volumes?: string[];
}

describe('docker-compose.yml', () => {
  const compose = load(readRepoFile('docker-compose.yml'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const provided: Env = { POSTGRES_PASSWORD: randomBytes(8).toString('hex') };
  /** Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
  const interpolate = (value: string | number): string =>
    String(value).replace(
      /\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g,
      (_match, name: string, operator = '', rest = '') => {
        if (provided[name] !== undefined) return provided[name];
        if (operator.endsWith('-')) return rest;
        throw new Error(`\${${name}} has no default; compose would refuse to start without it`);
      },
    );
  const environmentOf = (name: string): Env =>
    Object.fromEntries(
      Object.entries(compose.services[name].environment ?? {}).map(([key, value]) => [
        key,
        interpolate(value),
      ]),
    );

  it.each(PLATFORM_SERVICES)('runs $name from the one image on port $port', ({ name, port }) => {
    const service = compose.services[name];
    expect(service.image).toBe(compose.services['admin-api'].image);
    expect(service.build?.dockerfile).toBe('deploy/Dockerfile');
    expect(['always', 'unless-stopped', 'on-failure']).toContain(service.restart);
    expect(service.environment).toMatchObject({ SERVICE: name, PORT: String(port), HOST: '0.0.0.0' });
    expect(service.ports?.map((mapping) => mapping.split(':').pop())).toEqual([String(port)]);
    expect(service.depends_on).toEqual({
      ...(hasDatabase(name) ? { postgres: { condition: 'service_healthy' } } : {}),
      nats: { condition: 'service_healthy' },
    });
  });

  it.each(PLATFORM_SERVICES)('gives $name every variable it needs, and they validate', ({ name, port }) => {
    const env = environmentOf(name);
    expectVariablesFit(name, Object.keys(env));
    expectConfigLoads(name, env, port);
  });

  it('runs PostgreSQL with a health check and NATS with JetStream on a volume', () => {
    const { postgres, nats } = compose.services;
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(postgres.volumes?.[0]).toMatch(/^postgres-data:/);
    expect(nats.command).toContain('-js');
    const storeDir = nats.command?.[nats.command.indexOf('-sd') + 1];
    expect(nats.volumes).toContain(`nats-data:${storeDir}`);
    expect(nats.healthcheck?.test.join(' ')).toContain('/healthz');
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['postgres-data', 'nats-data']));
  });

  it('pins every image to a version', () => {
    for (const service of Object.values(compose.services)) expectPinned(interpolate(service.image ?? ''));
  });

  it('takes secrets only from the environment, never as literals', () => {
    for (const service of Object.values(compose.services)) {
      for (const [key, raw] of Object.entries(service.environment ?? {})) {
        const value = String(raw);
        expect(value).not.toMatch(URL_WITH_LITERAL_PASSWORD);
        if (!isSecret(key)) continue;
        const substitutions = [...value.matchAll(SUBSTITUTION)];
        expect(substitutions.length).toBeGreaterThan(0);
        // `${X:-default}` would make the default a literal secret.
        for (const [, , operator, rest] of substitutions) if (operator?.endsWith('-')) expect(rest).toBe('');
        if (!key.endsWith('_URL')) expect(value.replace(SUBSTITUTION, '')).toBe('');
      }
    }
  });
});

interface Probe {
  httpGet: { path: string; port: string | number };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
    fieldRef?: { fieldPath: string };
  };
}
interface Container {
  image: string;
  ports: { name: string; containerPort: number }[];
  env: EnvVar[];
  readinessProbe: Probe;
  livenessProbe: Probe;
  resources: { requests: Env; limits: Env };
  securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean };
}
interface K8sObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Env;
  stringData?: Env;
}
interface Deployment extends K8sObject {
  spec: {
    replicas: number;
    selector: { matchLabels: Env };
    template: {
      metadata: { labels: Env };
      spec: {
        terminationGracePeriodSeconds: number;
        securityContext: { runAsNonRoot: boolean; runAsUser: number };
        containers: Container[];
      };
    };
  };
}
interface Service extends K8sObject {
  spec: { selector: Env; ports: { port: number; targetPort: string | number }[] };
}
interface PodDisruptionBudget extends K8sObject {
  spec: { selector: { matchLabels: Env } };
}
interface IngressPath {
  path: string;
  pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  backend: { service: { name: string; port: { number: number } } };
}
interface Ingress extends K8sObject {
  spec: { rules: { http: { paths: IngressPath[] } }[] };
}

describe('k8s/base/', () => {
  const kustomization = load(readRepoFile('k8s/base/kustomization.yaml')) as { resources: string[] };
  const objects = kustomization.resources.flatMap(
    (file) => loadAll(readRepoFile(`k8s/base/${file}`)) as K8sObject[],
  );
  const find = <T extends K8sObject>(kind: string, name: string): T => {
    const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
    if (!found) throw new Error(`k8s/ has no ${kind} ${name}`);
    return found as T;
  };
  const configMap = find('ConfigMap', 'oncall-config');
  const secretTemplate = load(readRepoFile('k8s/base/secret.template.yaml')) as K8sObject;

  it('is exactly what deploy/generate-k8s.js writes, and kustomization lists every manifest but the secret', () => {
    const check = spawnSync(process.execPath, ['deploy/generate-k8s.js', '--check'], { cwd: REPO_ROOT });
    expect(check.stderr.toString()).toBe('');
    expect(check.status).toBe(0);
    const manifests = readdirSync(join(REPO_ROOT, 'k8s/base')).filter(
      (file) => file !== 'kustomization.yaml',
    );
    expect([...kustomization.resources, 'secret.template.yaml'].sort()).toEqual(manifests.sort());
  });

  it.each(PLATFORM_SERVICES)('deploys $name: port $port, probes, resources, non-root', ({ name, port }) => {
    const deployment = find<Deployment>('Deployment', name);
    const pod = deployment.spec.template;
    const [container] = pod.spec.containers;
    // Autoscaled Deployments leave replicas to their HorizontalPodAutoscaler (minReplicas 2 or more).
    const autoscaler = objects.find(
      (object) => object.kind === 'HorizontalPodAutoscaler' && object.metadata.name === name,
    ) as (K8sObject & { spec: { minReplicas: number } }) | undefined;
    expect(autoscaler?.spec.minReplicas ?? deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(pod.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    expectPinned(container.image);
    expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: port })]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(container.resources.limits.memory).toBeDefined();
    expect(pod.spec.terminationGracePeriodSeconds).toBe(30);
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(pod.spec.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });

    const service = find<Service>('Service', name);
    expect(service.spec.ports).toEqual([expect.objectContaining({ port, targetPort: 'http' })]);
    expect(pod.metadata.labels).toMatchObject(service.spec.selector);
    const budget = find<PodDisruptionBudget>('PodDisruptionBudget', name);
    expect(pod.metadata.labels).toMatchObject(budget.spec.selector.matchLabels);
  });

  it.each(PLATFORM_SERVICES)(
    'gives $name every variable it needs, secrets by reference only',
    ({ name, port }) => {
      const { env } = find<Deployment>('Deployment', name).spec.template.spec.containers[0];
      expectVariablesFit(
        name,
        env.map((variable) => variable.name),
      );
      expect(env.find((variable) => variable.name === 'SERVICE')?.value).toBe(name);
      const resolved: Env = {};
      for (const { name: key, value, valueFrom } of env) {
        if (SECRET_VARIABLES.includes(key)) expect(valueFrom?.secretKeyRef?.name).toBe('oncall-secrets');
        if (valueFrom?.secretKeyRef) {
          expect(Object.keys(secretTemplate.stringData!)).toContain(valueFrom.secretKeyRef.key);
          resolved[key] = key === 'DATABASE_URL' ? 'postgres://oncall:pw@db:5432/oncall' : '';
        } else if (valueFrom?.configMapKeyRef) {
          expect(valueFrom.configMapKeyRef.name).toBe('oncall-config');
          resolved[key] = configMap.data![valueFrom.configMapKeyRef.key];
          expect(resolved[key]).toBeDefined();
        } else {
          resolved[key] = valueFrom?.fieldRef ? `${name}-7d9f-abcde` : value!;
        }
      }
      expect(resolved.HOST).toBe('0.0.0.0');
      expectConfigLoads(name, resolved, port);
    },
  );

  it('keeps secrets out of the ConfigMap and only placeholders in the Secret template', () => {
    expect(Object.keys(configMap.data!).filter(isSecret)).toEqual([]);
    for (const value of Object.values(configMap.data!)) expect(value).not.toMatch(URL_WITH_LITERAL_PASSWORD);
    expect(secretTemplate.kind).toBe('Secret');
    expect(secretTemplate.data).toBeUndefined();
    for (const value of Object.values(secretTemplate.stringData!)) expect(PLACEHOLDERS).toContain(value);
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it('exposes only admin-api and ingestion-gateway publicly, never health or metrics', () => {
    const paths = (objects.filter((object) => object.kind === 'Ingress') as Ingress[]).flatMap((ingress) =>
      ingress.spec.rules.flatMap((rule) => rule.http.paths),
    );
    const ports = Object.fromEntries(PLATFORM_SERVICES.map(({ name, port }) => [name, port]));
    expect([...new Set(paths.map((path) => path.backend.service.name))].sort()).toEqual([
      'admin-api',
      'ingestion-gateway',
    ]);
    for (const { path, pathType, backend } of paths) {
      expect(backend.service.port.number).toBe(ports[backend.service.name]);
      const exposes = (health: string) => (pathType === 'Exact' ? health === path : health.startsWith(path));
      expect({ path, exposed: HEALTH_PATHS.filter(exposes) }).toEqual({ path, exposed: [] });
    }
  });

  it('puts everything in the oncall namespace', () => {
    expect(find('Namespace', 'oncall').metadata.name).toBe('oncall');
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect(object.metadata.namespace).toBe('oncall');
    }
  });
});

describe('deploy/Dockerfile and .dockerignore', () => {
  const instructions = readRepoFile('deploy/Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.trim().split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
  const stages: (typeof instructions)[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  const runtime = stages.at(-1)!;
  const argsOf = (keyword: string, stage = runtime) =>
    stage.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

  it('builds in stages: npm ci, build every app, prune dev dependencies, pinned base', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runs = argsOf('RUN', instructions).join('\n');
    expect(runs).toMatch(/npm ci/);
    expect(runs).toMatch(/node scripts\/build-app\.js --all/);
    expect(runs).toMatch(/npm prune --omit=dev/);
    const baseImage = instructions.find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='))!;
    expectPinned(baseImage.args.split('=')[1]);
  });

  it('runs the service SERVICE names, as a non-root user, on 0.0.0.0, with a health check', () => {
    const user = argsOf('USER').at(-1)!;
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(argsOf('ENV').join(' ')).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(argsOf('ARG').join(' ')).toMatch(/\bSERVICE=/);
    expect(argsOf('CMD').at(-1)).toMatch(/node dist\/apps\/\$\{SERVICE\}\/main\.js/);
    expect(argsOf('HEALTHCHECK').at(-1)).toMatch(/\/healthz/);
  });

  it('sends only what the build copies: .dockerignore allows each COPY source and nothing else', () => {
    const rules = readRepoFile('.dockerignore')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'));
    expect(rules[0]).toBe('*');
    expect(rules).toEqual(expect.arrayContaining(['**/node_modules', '**/dist']));
    const allowed = rules
      .filter((rule) => rule.startsWith('!'))
      .map((rule) => rule.slice(1).replace(/\/$/, ''));
    const copied = argsOf('COPY', instructions)
      .filter((args) => !args.startsWith('--from'))
      .flatMap((args) => args.split(/\s+/).slice(0, -1));
    expect([...new Set(copied.map((source) => source.replace(/\/$/, '')))].sort()).toEqual(allowed.sort());
  });
});

describe('scripts/build-app.js', () => {
  const app: PlatformServiceName = 'incident-state';
  const outRoot = join(REPO_ROOT, 'tmp', `build-app-${randomBytes(4).toString('hex')}`);
  const namespace = createTestNamespace('deploy');
  let database: TestDatabase;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    mkdirSync(outRoot, { recursive: true });
    database = await createTestDatabase('deploy');
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(outRoot, { recursive: true, force: true });
    await database?.drop();
    await namespace.cleanup();
  });

  it('builds every service that scripts/platform-services.ts lists', () => {
    const list = spawnSync(process.execPath, ['scripts/build-app.js', '--list'], { cwd: REPO_ROOT });
    expect(list.stdout.toString().trim().split('\n')).toEqual(PLATFORM_SERVICES.map((s) => s.name).sort());
  });

  it('builds a service that runs on plain node, answers /readyz, and exits 0 on SIGTERM', async () => {
    const build = spawnSync(process.execPath, ['scripts/build-app.js', app, '--out-dir', outRoot], {
      cwd: REPO_ROOT,
    });
    expect(build.stderr.toString()).toBe('');
    expect(build.status).toBe(0);
    const mainFile = join(outRoot, app, 'main.js');
    expect(existsSync(mainFile)).toBe(true);
    const built = readFileSync(join(outRoot, app, 'apps', app, 'src', 'main.js'), 'utf8');
    expect(built).toMatch(/require\("\.\.\/\.\.\/\.\.\/libs\/platform\/runtime\/src"\)/);
    expect(built).not.toMatch(/@oncall\/|@swc-node|tsconfig-paths/);

    const port = await freePort();
    const output: string[] = [];
    child = spawn(process.execPath, [mainFile], {
      cwd: join(outRoot, app),
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        NATS_URL: TEST_NATS_URL,
        NATS_SUBJECT_PREFIX: namespace.prefix,
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (data: Buffer) => output.push(data.toString()));
    child.stderr?.on('data', (data: Buffer) => output.push(data.toString()));
    const exited = new Promise<number | null>((resolveExit) => child!.once('exit', resolveExit));

    const ready = waitFor(
      `the built ${app} to be ready`,
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
        return response?.ok ? ((await response.json()) as unknown) : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    ready.catch(() => undefined); // the race below reports it; no unhandled rejection after an early exit
    const readiness = await Promise.race([
      ready,
      exited.then((code) => ({ exitedBeforeReady: code, output: output.join('') })),
    ]);
    expect(readiness).toEqual({ status: 'ready', checks: { postgres: 'up', nats: 'up' } });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
