import { isStorableText, isWebUrl, parseInstant, truncateText } from './text-rules';

describe('parseInstant', () => {
  it.each<[string, unknown, string | null]>([
    ['UTC', '2027-03-02T10:00:00Z', '2027-03-02T10:00:00.000Z'],
    ["PagerDuty's +0000", '2015-07-17T08:42:58.315+0000', '2015-07-17T08:42:58.315Z'],
    ['an offset with colon', '2021-10-12T09:51:03.157076+02:00', '2021-10-12T07:51:03.157Z'],
    ["Go's nanoseconds", '2027-03-02T09:58:30.123456789Z', '2027-03-02T09:58:30.123Z'],
    ['minutes only', '2027-03-02T10:00-05:00', '2027-03-02T15:00:00.000Z'],
    ['no offset (read in the server zone otherwise)', '2027-03-02T10:00:00', null],
    ['a day that does not exist', '2027-02-29T10:00:00Z', null],
    ['hour 24', '2027-03-02T24:00:00Z', null],
    ["Go's zero time", '0001-01-01T00:00:00Z', null],
    ['a date only', '2027-03-02', null],
    ['a number', 1_700_000_000_000, null],
  ])('%s', (_, value, instant) => {
    expect(parseInstant(value)).toBe(instant);
  });
});

describe('truncateText', () => {
  it('cuts to the length with an ellipsis, never through a surrogate pair', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('abcd', 4)).toBe('abcd');
    const cut = truncateText(`ab\u{1F525}cd`, 4);
    expect([cut, isStorableText(cut), cut.length <= 4]).toEqual(['ab…', true, true]);
  });
});

describe('isWebUrl', () => {
  it.each<[unknown, boolean, boolean]>([
    ['https://example.com/x', false, true],
    ['http://example.com/x', false, true],
    ['http://example.com/x', true, false],
    ['javascript:alert(1)', false, false],
    ['/relative/path', false, false],
    ['', false, false],
  ])('%j (https only: %s) → %s', (value, httpsOnly, ok) => {
    expect(isWebUrl(value, httpsOnly)).toBe(ok);
  });
});
