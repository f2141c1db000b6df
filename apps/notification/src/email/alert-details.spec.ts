import { flattenAlertDetails } from './alert-details';

const limits = { maxEntries: 3, maxKeyLength: 12, maxValueLength: 10, maxDepth: 2 };

describe('flattenAlertDetails', () => {
  it('flattens nested objects and arrays into dotted lines, in payload order', () => {
    const details = { host: 'srv-01', disk: { used: 95, volume: 'C:' }, tags: ['prod', 'sql'], ok: false, none: null };
    expect(flattenAlertDetails(details)).toEqual([
      { key: 'host', value: 'srv-01' },
      { key: 'disk.used', value: '95' },
      { key: 'disk.volume', value: 'C:' },
      { key: 'tags[0]', value: 'prod' },
      { key: 'tags[1]', value: 'sql' },
      { key: 'ok', value: 'false' },
      { key: 'none', value: 'null' },
    ]);
  }); // prettier-ignore

  it('shows what lies deeper than the depth limit as JSON, bounded', () => {
    expect(flattenAlertDetails({ a: { b: { c: 1 } } }, { ...limits, maxValueLength: 40 })).toEqual([
      { key: 'a.b', value: '{"c":1}' },
    ]);
  });

  it('bounds keys, values and the number of lines, and says how many were left out', () => {
    const details = { 'a-very-long-key-name': 'a value far too long', two: 2, three: 3, four: 4, five: 5 };
    expect(flattenAlertDetails(details, limits)).toEqual([
      { key: 'a-very-long…', value: 'a value f…' },
      { key: 'two', value: '2' },
      { key: 'three', value: '3' },
      { key: '…', value: '2 more fields' },
    ]);
  });

  it('puts every value on one line', () => {
    expect(flattenAlertDetails({ log: 'line 1\r\nline 2\ttabbed' })).toEqual([{ key: 'log', value: 'line 1 line 2 tabbed' }]);
  }); // prettier-ignore

  it('accepts details that are not an object', () => {
    expect(flattenAlertDetails('free text')).toEqual([{ key: 'details', value: 'free text' }]);
    expect(flattenAlertDetails(undefined)).toEqual([]);
    expect(flattenAlertDetails(null)).toEqual([]);
  });
});
