import fc from 'fast-check';
import { isStorableText } from './storable-text';

// The one specification of storable text; the incident and ingestion domains use this check as it is.
describe('isStorableText: what PostgreSQL stores as given, in text and in jsonb', () => {
  it.each<[string, string, boolean]>([
    ['plain text', 'Disk full', true],
    ['an emoji (a surrogate pair)', 'Fire \u{1F525}', true],
    ['an emoji at the start', '\u{1F525} fire', true],
    ['control characters other than NUL', '\u0001\t\u001f', true],
    ['a NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'a\ud800b', false],
    ['a lone low surrogate', 'a\udc00b', false],
    ['a lone low surrogate at the start', '\udd25a', false],
    ['a high surrogate at the end', 'a\ud83d', false],
    ['a pair the wrong way round', '\udd25\ud83d', false],
  ])('%s', (_, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });

  it('agrees with String.prototype.isWellFormed on NUL-free text, for any UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const wellFormed = (text as string & { isWellFormed(): boolean }).isWellFormed();
        expect(isStorableText(text)).toBe(wellFormed && !text.includes('\u0000'));
      }),
    );
  });
});
