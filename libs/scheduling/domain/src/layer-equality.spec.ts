import { sameLayers } from './layer-equality';
import { aLayer } from './test-support/schedule-builders';

describe('sameLayers', () => {
  const layer = aLayer({ id: 'l', name: 'Primary', participants: ['A', 'B'] });

  it('is true for the same definition read back with other key order and null for absent fields', () => {
    const readBack = JSON.parse(JSON.stringify({ ...layer, timeZone: null })) as typeof layer;
    const reordered = Object.fromEntries(Object.entries(readBack).reverse()) as typeof layer;
    expect(sameLayers([layer], [reordered])).toBe(true);
    expect(sameLayers([{ ...layer, end: undefined }], [{ ...layer, end: null }])).toBe(true);
  });

  it.each([
    ['another layer id', { id: 'other' }],
    ['other participants', { participants: ['B', 'A'] }],
    ['another rotation', { rotation: { kind: 'weekly' as const } }],
    ['an end', { end: '2027-06-01T00:00:00.000Z' }],
    [
      'a restriction',
      { restrictions: [{ kind: 'daily' as const, startTime: '08:00', durationMinutes: 60 }] },
    ],
  ])('is false for %s', (_, change) => {
    expect(sameLayers([layer], [{ ...layer, ...change }])).toBe(false);
  });

  it('is false when layers are reordered, added or removed', () => {
    const other = aLayer({ id: 'm' });
    expect(sameLayers([layer, other], [other, layer])).toBe(false);
    expect(sameLayers([layer], [layer, other])).toBe(false);
  });
});
