import { countRows, formatSeconds, formatShare, windowQuery } from './report-figures';

describe('report figures', () => {
  it('orders counts largest first, names them, ties by name', () => {
    expect(countRows({ a: 1, b: 3, c: 1 }, (key) => key.toUpperCase())).toEqual([
      { key: 'b', name: 'B', value: 3 },
      { key: 'a', name: 'A', value: 1 },
      { key: 'c', name: 'C', value: 1 },
    ]);
  });

  it.each([
    [null, '—'],
    [42, '42 s'],
    [600, '10 min'],
    [3 * 3600 + 1800, '3.5 h'],
  ])('%p seconds read %p', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it('shows shares as percentages', () => {
    expect(formatShare(0.254)).toBe('25 %');
    expect(formatShare(null)).toBe('—');
  });

  it('asks for the last days up to now', () => {
    expect(windowQuery(new Date('2026-03-31T00:00:00Z'), 30)).toBe(
      'from=2026-03-01T00%3A00%3A00.000Z&to=2026-03-31T00%3A00%3A00.000Z',
    );
  });
});
