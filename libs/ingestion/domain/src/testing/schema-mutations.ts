// Breaks a schema's example one field at a time, in every way the schema says it can be wrong, so a test
// can check that the mapper refuses exactly what the published schema forbids, naming the same field.

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

export interface Mutation {
  field: string;
  change: string;
  body: unknown;
}

export function mutationsOf(schema: object, example: unknown): Mutation[] {
  const found: Mutation[] = [];
  walk(schema as SchemaNode, example, [], (path, change, value) =>
    found.push({ field: path.join('.'), change, body: replacedAt(example, path, value) }),
  );
  return found;
}

type Report = (path: string[], change: string, value: unknown) => void;
const REMOVE = Symbol('remove');

function walk(node: SchemaNode, value: unknown, path: string[], report: Report): void {
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    const here = [...path, key];
    const current = (value as Record<string, unknown> | undefined)?.[key];
    if (node.required?.includes(key)) report(here, 'removed', REMOVE);
    if (current === undefined) continue;
    for (const [change, wrong] of wrongValues(property, current)) report(here, change, wrong);
    if (property.properties) walk(property, current, here, report);
    if (property.items?.properties && Array.isArray(current) && current.length > 0)
      walk(property.items, current[0], [...here, '0'], report);
  }
}

function wrongValues(property: SchemaNode, current: unknown): [string, unknown][] {
  const wrong: [string, unknown][] = [];
  if (property.enum)
    wrong.push(['outside the enum', typeof current === 'number' ? 99 : 'not-a-listed-value']);
  if (property.maxLength !== undefined) wrong.push(['too long', 'x'.repeat(property.maxLength + 1)]);
  if (property.maxLength !== undefined) wrong.push(['with NUL', 'x\u0000']);
  if (property.maxLength !== undefined) wrong.push(['with a lone surrogate', 'x\uD83D']);
  if ((property.minLength ?? 0) >= 1) wrong.push(['empty', '']);
  if (property.pattern) wrong.push(['not matching its pattern', 'nonsense']);
  if (property.format === 'date-time') wrong.push(['not a date-time', '2027-13-45T00:00:00Z']);
  if (property.format === 'uri') wrong.push(['not a URL', 'not a url']);
  if (property.type === 'number' || property.type === 'integer') wrong.push(['not a number', 'seven']);
  if (property.type === 'object') wrong.push(['not an object', ['x']]);
  if (property.maxItems !== undefined && Array.isArray(current))
    wrong.push(['too many items', new Array(property.maxItems + 1).fill(current[0])]);
  return wrong;
}

function replacedAt(example: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(example) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) delete target[last];
  else target[last] = value;
  return copy;
}

/** The example with only what the schema requires (and `alsoKeep`, required only in some cases). */
export function minimalOf(schema: object, example: unknown, alsoKeep: readonly string[] = []): unknown {
  return keepRequired(schema as SchemaNode, example, [], alsoKeep);
}

function keepRequired(
  node: SchemaNode,
  value: unknown,
  path: string[],
  alsoKeep: readonly string[],
): unknown {
  const { items, properties = {}, required = [] } = node;
  if (Array.isArray(value) && items) return value.map((item) => keepRequired(items, item, path, alsoKeep));
  if (typeof value !== 'object' || value === null || !node.properties) return value;
  const kept = Object.entries(value).filter(([key]) => {
    const field = [...path, key].join('.');
    return required.includes(key) || alsoKeep.includes(field) || !(key in properties);
  });
  return Object.fromEntries(
    kept.map(([key, child]) => [key, keepRequired(properties[key] ?? {}, child, [...path, key], alsoKeep)]),
  );
}
