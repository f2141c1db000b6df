import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** One Kubernetes object as YAML gives it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { target: { kind?: string; name?: string }; patch: string }[];
}

type JsonPatch = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[];

/** Kinds kustomize leaves without a namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
]);

/**
 * Renders a kustomization the way `kubectl kustomize` does, for the features k8s/ uses and no more:
 * `resources` (files and directories), `namespace`, `images`, and `patches` holding JSON patches (RFC 6902)
 * with a target by kind and name. Anything else in a kustomization is refused, so a new feature cannot be
 * silently ignored; where kubectl is installed the test compares both renderings.
 */
export function renderKustomization(directory: string): KubeObject[] {
  const kustomization = parse(readFileSync(join(directory, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unsupported = Object.keys(kustomization).filter(
    (key) => !['apiVersion', 'kind', 'namespace', 'resources', 'images', 'patches'].includes(key),
  );
  if (unsupported.length > 0)
    throw new Error(`${directory}: unsupported kustomization fields ${unsupported}`);
  const objects = (kustomization.resources ?? []).flatMap((resource) => {
    const path = resolve(directory, resource);
    return statSync(path).isDirectory() ? renderKustomization(path) : readObjects(path);
  });
  for (const { target, patch } of kustomization.patches ?? []) {
    const matching = objects.filter(
      (object) =>
        (!target.kind || object.kind === target.kind) &&
        (!target.name || object.metadata.name === target.name),
    );
    if (matching.length === 0)
      throw new Error(`${directory}: a patch matches nothing (${JSON.stringify(target)})`);
    for (const object of matching) applyJsonPatch(object, parse(patch) as JsonPatch);
  }
  for (const object of objects) {
    if (kustomization.namespace && !CLUSTER_SCOPED.has(object.kind)) {
      object.metadata.namespace = kustomization.namespace;
    }
    for (const image of kustomization.images ?? []) setImage(object, image);
  }
  return objects;
}

export function readObjects(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((document) => document.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null);
}

/** kubectl, where installed (developer machines; `.ci/run` does not install it). */
export const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));

/** `kubectl kustomize <directory>`; undefined without kubectl. */
export function kubectlKustomize(directory: string): KubeObject[] | undefined {
  const kubectl = KUBECTL;
  if (!kubectl) return undefined;
  const run = spawnSync(kubectl, ['kustomize', directory], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`kubectl kustomize ${directory}: ${run.stderr}`);
  return parseAllDocuments(run.stdout).map((document) => document.toJS() as KubeObject);
}

export function objectKey(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function applyJsonPatch(object: KubeObject, operations: JsonPatch): void {
  for (const { op, path, value } of operations) {
    const segments = path
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop()!;
    let parent: Record<string, unknown> | unknown[] = object;
    for (const segment of segments) {
      const next = (parent as Record<string, unknown>)[segment];
      if (next === undefined) throw new Error(`${objectKey(object)}: no ${path}`);
      parent = next as Record<string, unknown>;
    }
    const container = parent as Record<string, unknown>;
    if (op !== 'add' && !(last in container)) throw new Error(`${objectKey(object)}: cannot ${op} ${path}`);
    if (op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete container[last];
    } else if (Array.isArray(parent) && op === 'add') {
      parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    } else {
      container[last] = value;
    }
  }
}

function setImage(object: KubeObject, image: { name: string; newName?: string; newTag?: string }): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of ['containers', 'initContainers']) {
      for (const container of (record[key] as { image?: string }[] | undefined) ?? []) {
        const [name, tag] = (container.image ?? '').split(':');
        if (name !== image.name) continue;
        container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(object);
}
