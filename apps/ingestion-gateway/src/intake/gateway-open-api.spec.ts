import { INTAKE_FORMATS } from '@oncall/ingestion-domain';
import { gatewayOpenApi } from './gateway-open-api';
import { INTAKE_ROUTES } from './intake-routes';

describe('gatewayOpenApi', () => {
  const document = gatewayOpenApi() as {
    paths: Record<
      string,
      Record<string, { requestBody: { content: Record<string, { schema: { $ref: string } }> } }>
    >;
    components: { schemas: Record<string, Record<string, unknown>> };
  };

  it('describes every intake route with its format’s schema, which the document holds', () => {
    for (const route of INTAKE_ROUTES) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      for (const method of route.methods) {
        const { $ref } =
          document.paths[path][method.toLowerCase()].requestBody.content['application/json'].schema;
        expect($ref).toBe(`#/components/schemas/${route.format}`);
      }
      expect(document.components.schemas[route.format]).toMatchObject({ type: 'object' });
    }
  });

  it('keeps each schema’s example and drops what OpenAPI 3.0 does not read', () => {
    for (const [name, format] of Object.entries(INTAKE_FORMATS)) {
      const schema = document.components.schemas[name];
      expect(schema['example']).toEqual(format.schema.examples[0]);
      expect(schema).not.toHaveProperty('$schema');
      expect(schema).not.toHaveProperty('$id');
    }
  });
});
