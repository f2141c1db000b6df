import fc from 'fast-check';
import { cursorCodec } from './page-cursor';

const rows = cursorCodec('rows', ['instant', 'uuid'] as const);
const versions = cursorCodec('timeline', ['integer'] as const);
const sequences = cursorCodec('letters', ['sequence'] as const);
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const id = '5f0c7a36-0d5c-4d3e-9a53-9d8e5f1c2b11';

describe('cursorCodec', () => {
  it('reads back what it wrote', () => {
    expect(rows.decode(rows.encode(['2027-01-01T10:00:00.000Z', id]))).toEqual([
      '2027-01-01T10:00:00.000Z',
      id,
    ]);
    expect(rows.decode(rows.encode(['2027-01-01T10:00:00.123456Z', id]))).toEqual([
      '2027-01-01T10:00:00.123456Z',
      id,
    ]);
    expect(versions.decode(versions.encode([0]))).toEqual([0]);
    expect(sequences.decode(sequences.encode([Number.MAX_SAFE_INTEGER]))).toEqual([Number.MAX_SAFE_INTEGER]);
  });

  it('round-trips every value it may be given', () => {
    const instant = fc
      .date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
    fc.assert(
      fc.property(instant, fc.uuid(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (at, uuid, n) => {
        const values: [string, string] = [at, uuid.toLowerCase()];
        expect(rows.decode(rows.encode(values))).toEqual(values);
        expect(versions.decode(versions.encode([n]))).toEqual([n]);
      }),
    );
  });

  it.each<[string, unknown]>([
    ['not a string', 42],
    ['empty', ''],
    ['not base64url', '!!!'],
    ['base64 with padding', `${rows.encode(['2027-01-01T10:00:00.000Z', id])}=`],
    ['longer than any cursor we write', 'A'.repeat(600)],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['JSON null', raw(null)],
    ['an object instead of the array', raw({ kind: 'rows', at: '2027-01-01T10:00:00.000Z', id })],
    ['another kind of cursor', raw(['timeline', '2027-01-01T10:00:00.000Z', id])],
    ['a value too many', raw(['rows', '2027-01-01T10:00:00.000Z', id, 1])],
    ['a value missing', raw(['rows', '2027-01-01T10:00:00.000Z'])],
    ['30 February', raw(['rows', '2027-02-30T10:00:00.000Z', id])],
    ['year 0', raw(['rows', '0000-01-01T00:00:00.000Z', id])],
    ['hour 24', raw(['rows', '2027-01-01T24:00:00.000Z', id])],
    ['an offset instead of Z', raw(['rows', '2027-01-01T10:00:00.000+00:00', id])],
    ['a date Date.parse reads but PostgreSQL may not', raw(['rows', 'Tue Mar 01 2022', id])],
    ['an injection instead of the id', raw(['rows', '2027-01-01T10:00:00.000Z', "x' OR 1=1 --"])],
    ['an upper-case UUID (we never write one)', raw(['rows', '2027-01-01T10:00:00.000Z', id.toUpperCase()])],
    [
      'the same values written with spaces',
      Buffer.from(`["rows", "2027-01-01T10:00:00.000Z", "${id}"]`).toString('base64url'),
    ],
  ])('refuses %s', (_, cursor) => {
    expect(rows.decode(cursor)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['a negative version', -1],
    ['a fraction', 1.5],
    ['over a PostgreSQL integer', 2 ** 31],
    ['a number as text', '12'],
    ['exponent notation', 1e21],
  ])('refuses %s as an integer', (_, value) => {
    expect(versions.decode(raw(['timeline', value]))).toBeNull();
  });

  it.each<[string, unknown, boolean]>([
    ['the largest bigint', '9223372036854775807', true],
    ['zero', '0', true],
    ['one over the largest bigint', '9223372036854775808', false],
    ['a leading zero', '012', false],
    ['a number instead of text', 12, false],
    ['a negative', '-1', false],
  ])('bigint: %s', (_, value, accepted) => {
    const audit = cursorCodec('audit', ['bigint'] as const);
    expect(audit.decode(raw(['audit', value]))).toEqual(accepted ? [value] : null);
  });

  it('never answers values it would not write back as the same cursor', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cursor = Buffer.from(text).toString('base64url');
        for (const codec of [rows, versions, sequences] as const) {
          const decoded = codec.decode(cursor);
          if (decoded !== null) expect(codec.encode(decoded as never)).toBe(cursor);
        }
      }),
    );
  });
});
