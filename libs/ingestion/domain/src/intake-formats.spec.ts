import { INTAKE_FORMATS, IntakeFormatName, openApiSchemaOf } from './intake-formats';
import { facts, integration } from './testing/intake-fixtures';
import { minimalOf, mutationsOf } from './testing/schema-mutations';

// Defend's example names org-1, the fixtures' organization.
const defend = integration('defend');
const formats = Object.entries(INTAKE_FORMATS) as [
  IntakeFormatName,
  (typeof INTAKE_FORMATS)[IntakeFormatName],
][];

// Fields a schema cannot mark required because they are required only for a trigger.
const REQUIRED_FOR_TRIGGER: Partial<Record<IntakeFormatName, string[]>> = {
  'pagerduty-event.v2': ['payload'],
  'pagerduty-event.v1': ['description'],
};

describe('payload schemas and mappers agree', () => {
  it.each(formats)('%s: the schema file is named by its $id and has an example', (name, { schema }) => {
    expect(schema.$id.endsWith(`/${name}.schema.json`)).toBe(true);
    expect(schema.examples.length).toBeGreaterThan(0);
  });

  it.each(formats)('%s: its example maps to an alert, refusing nothing', (_, { schema, map }) => {
    const result = map(schema.examples[0], defend, facts);
    expect(result.rejected).toEqual([]);
    expect(result.alerts.length).toBeGreaterThan(0);
  });

  it.each(formats)('%s: its example cut to the required fields still maps', (name, { schema, map }) => {
    const minimal = minimalOf(schema, schema.examples[0], REQUIRED_FOR_TRIGGER[name]);
    expect(map(minimal, defend, facts).rejected).toEqual([]);
  });

  describe.each(formats)(
    '%s: everything the schema forbids is refused, naming the field',
    (_, { schema, map }) => {
      it.each(mutationsOf(schema, schema.examples[0]).map((m) => [m.field, m.change, m.body] as const))(
        '%s %s',
        (field, __, body) => {
          expect(map(body, defend, facts).rejected.map((rejection) => rejection.field)).toContain(field);
        },
      );
    },
  );

  it('hands OpenAPI 3.0 a schema object it can read', () => {
    const schema = openApiSchemaOf(INTAKE_FORMATS['rmm-alert.v1'].schema);
    expect(Object.keys(schema)).not.toEqual(expect.arrayContaining(['$schema']));
    expect(schema).not.toHaveProperty('$id');
    expect(schema['example']).toEqual(INTAKE_FORMATS['rmm-alert.v1'].schema.examples[0]);
  });
});
