import { INTAKE_FORMATS, openApiSchemaOf } from '@oncall/ingestion-domain';
import { INTAKE_ROUTES, IntakeRoute } from './intake-routes';

type Json = Record<string, unknown>;

const PROBLEM = {
  description: 'problem+json naming the field at fault',
  content: { 'application/problem+json': {} },
};
const PAGERDUTY_INVALID = {
  description: 'PagerDuty’s invalid event: `{status: "invalid event", message, errors: [...]}`',
  content: { 'application/json': {} },
};

/**
 * The gateway's intake routes as an OpenAPI 3.0 document, each request body the JSON Schema of its format
 * (ADR 0171): the schema files are the one description of a payload, for the mappers' tests and for senders.
 */
export function gatewayOpenApi(): Json {
  const paths: Json = {};
  for (const route of INTAKE_ROUTES) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const operations: Json = {};
    for (const method of route.methods) operations[method.toLowerCase()] = operationOf(route);
    paths[path] = operations;
  }
  return {
    openapi: '3.0.3',
    info: { title: 'On-Call alert intake', version: '1' },
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries(INTAKE_FORMATS).map(([name, format]) => [name, openApiSchemaOf(format.schema)]),
      ),
    },
  };
}

function operationOf(route: IntakeRoute): Json {
  const pagerDuty = route.replies !== 'ours';
  const accepted = route.replies === 'pagerduty-v1' ? '200' : '202';
  return {
    summary: route.summary,
    parameters: route.url.includes(':integrationKey')
      ? [
          {
            name: 'integrationKey',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
          },
        ]
      : [],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.format}` } } },
    },
    responses: {
      [accepted]: { description: 'Stored; processed asynchronously' },
      '400': pagerDuty ? PAGERDUTY_INVALID : PROBLEM,
      ...(pagerDuty ? {} : { '401': PROBLEM, '403': PROBLEM }),
      '415': PROBLEM,
      [String(route.whenLimited)]: {
        description: 'Rate limited or not ready: retry after `Retry-After` seconds',
      },
    },
  };
}
