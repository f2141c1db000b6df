import fc from 'fast-check';
import { jsonNestingExceeds } from './json-nesting';

/** The naive answer: walk the parsed value. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;

describe('jsonNestingExceeds', () => {
  it.each<[string, string, number, boolean]>([
    ['a flat object', '{"a":1,"b":"x"}', 1, false],
    ['an object in an object, limit 1', '{"a":{"b":1}}', 1, true],
    ['64 arrays deep, limit 64', nested(64, '[', ']'), 64, false],
    ['65 arrays deep, limit 64', nested(65, '[', ']'), 64, true],
    ['brackets inside strings', '{"a":"[[[[{{{{","b":"\\"[["}', 1, false],
    ['an escaped backslash before a closing quote', '{"a":"\\\\","b":[[1]]}', 2, true],
  ])('%s', (_, json, limit, exceeds) => {
    expect(jsonNestingExceeds(json, limit)).toBe(exceeds);
  });

  it('measures 100,000 levels without recursion', () => {
    expect(jsonNestingExceeds(nested(100_000, '[', ']'), 64)).toBe(true);
  });

  it('agrees with walking the parsed value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        const json = JSON.stringify(value);
        expect(jsonNestingExceeds(json, limit)).toBe(depthOf(value) > limit);
      }),
    );
  });
});
