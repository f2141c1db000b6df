import fc from 'fast-check';
import { PAYLOAD_MAX_DEPTH, storableJsonProblems } from './storable-json';

const storable = (text: string) =>
  !text.includes('\u0000') && (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Every key and every string value of a JSON value, the naive (recursive) way. */
function strings(value: unknown): { keys: string[]; values: string[] } {
  if (typeof value === 'string') return { keys: [], values: [value] };
  if (typeof value !== 'object' || value === null) return { keys: [], values: [] };
  const children = (Array.isArray(value) ? value : Object.values(value)).map(strings);
  return {
    keys: [...(Array.isArray(value) ? [] : Object.keys(value)), ...children.flatMap((child) => child.keys)],
    values: children.flatMap((child) => child.values),
  };
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

describe('storableJsonProblems', () => {
  it.each<[string, unknown, string[]]>([
    ['a clean alert', { summary: 'Disk full', details: { disks: [{ name: 'C:', free: 1 }] } }, []],
    ['NUL in a top-level field', { summary: 'a\u0000b' }, ['summary']],
    [
      'a lone surrogate deep in details',
      { details: { disks: [{ name: 'C\ud800' }] } },
      ['details.disks.0.name'],
    ],
    ['a NUL in a key of details', { details: { ['k\u0000']: 1 } }, ['details']],
    ['a lone surrogate in a top-level key', { ['\udc00']: 1 }, ['body']],
    ['a key named constructor', { details: { constructor: 'x' } }, ['details.constructor']],
    [
      'a key named prototype in an array item',
      { details: { list: [{ prototype: 1 }] } },
      ['details.list.0.prototype'],
    ],
    ['two bad fields, in document order', { summary: '\u0000', source: '\ud800' }, ['summary', 'source']],
    ['a body that is itself a bad string', '\u0000', ['body']],
  ])('%s', (_, body, fields) => {
    expect(storableJsonProblems(body).map((problem) => problem.field)).toEqual(fields);
  });

  it('names a __proto__ key, which JSON.parse keeps as an own key', () => {
    const body = JSON.parse('{"details":{"__proto__":{"polluted":true}}}') as unknown;
    expect(storableJsonProblems(body).map((problem) => problem.field)).toEqual(['details.__proto__']);
  });

  it(`refuses nesting deeper than ${PAYLOAD_MAX_DEPTH} levels, naming the top field, without recursion`, () => {
    expect(storableJsonProblems({ details: nested(PAYLOAD_MAX_DEPTH - 2) })).toEqual([]);
    expect(storableJsonProblems({ details: nested(100_000) })).toEqual([
      { field: 'details', message: `details must not be nested more than ${PAYLOAD_MAX_DEPTH} levels deep` },
    ]);
  });

  it('names at most 20 problems, however many there are', () => {
    const body = { details: { list: Array.from({ length: 10_000 }, () => '\u0000') } };
    expect(storableJsonProblems(body)).toHaveLength(20);
  });

  it('finds a problem exactly when some string or key is not storable, or a key is forbidden (any UTF-16)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary', maxDepth: 5 }), (value) => {
        const { keys, values } = strings(value);
        const clean =
          [...keys, ...values].every(storable) &&
          !keys.some((key) => ['__proto__', 'constructor', 'prototype'].includes(key));
        expect(storableJsonProblems(value).length > 0).toBe(!clean);
      }),
    );
  });
});
