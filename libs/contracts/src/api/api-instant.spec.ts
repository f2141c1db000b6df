import fc from 'fast-check';
import { isApiInstant } from './api-instant';
import { CursorPrecision, listCursors } from './list-cursor';

/** The position a list cursor names, or null. */
function decodeListCursor(cursor: unknown, precision: CursorPrecision): { at: string; id: string } | null {
  const values = precision === 'ms' ? listCursors.ms.decode(cursor) : listCursors.us.decode(cursor);
  return values ? { at: values[0], id: values[1] } : null;
}

function encodeListCursor(position: { at: string; id: string }): string {
  return listCursors.us.encode([position.at, position.id]);
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('isApiInstant', () => {
  it.each([
    '2027-05-01T09:00:00Z',
    '2027-05-01T09:00Z',
    '2027-05-01T11:00:00.123456+02:00',
    '2028-02-29T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '2027-05-01T09:00:00-14:00',
  ])('accepts %s', (value) => expect(isApiInstant(value)).toBe(true));

  it.each([
    ['an ISO week date', '2026-W01'],
    ['an ordinal date', '2026-001'],
    ['a date without a time', '2026-05-01'],
    ['a time without an offset', '2026-05-01T09:00:00'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2027-02-29T00:00:00Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 1 pushed into year 0 by its offset', '0001-01-01T00:00:00+01:00'],
    ['hour 24', '2026-05-01T24:00:00Z'],
    ['a leap second', '2026-06-30T23:59:60Z'],
    ['an offset of 16 hours', '2026-05-01T09:00:00+16:00'],
    ['seven fraction digits', '2026-05-01T09:00:00.1234567Z'],
    ['a five-digit year', '+02026-05-01T09:00:00Z'],
    ['a space instead of T', '2026-05-01 09:00:00Z'],
    ['a number', 1_777_000_000_000],
  ])('refuses %s', (_, value) => expect(isApiInstant(value)).toBe(false));

  it('accepts exactly the instants JavaScript reads back to the same moment (oracle: Date#toISOString)', () => {
    const instant = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }); // prettier-ignore
    fc.assert(
      fc.property(instant, (date) => {
        expect(isApiInstant(date.toISOString())).toBe(true);
      }),
    );
  });
});

describe('list cursors', () => {
  it('decode what they encode', () => {
    const position = { at: '2026-05-01T09:00:00.123456Z', id: ID };
    expect(decodeListCursor(encodeListCursor(position), 'us')).toEqual(position);
    const inMilliseconds = { at: '2026-05-01T09:00:00.123Z', id: ID };
    expect(decodeListCursor(encodeListCursor(inMilliseconds), 'ms')).toEqual(inMilliseconds);
  });

  it('refuses an instant of another precision than the list writes', () => {
    expect(decodeListCursor(cursorOf(['2026-05-01T09:00:00.123Z', ID]), 'us')).toBeNull();
    expect(decodeListCursor(cursorOf(['2026-05-01T09:00:00.123456Z', ID]), 'ms')).toBeNull();
  });

  it.each([
    ['30 February', cursorOf(['2026-02-30T00:00:00.000Z', ID])],
    ['year 0', cursorOf(['0000-01-01T00:00:00.000Z', ID])],
    ['hour 24', cursorOf(['2026-05-01T24:00:00.000Z', ID])],
    ['an instant without fraction', cursorOf(['2026-05-01T09:00:00Z', ID])],
    ['a week date', cursorOf(['2026-W01', ID])],
    ['an id that is not a UUID', cursorOf(['2026-05-01T09:00:00.000Z', 'not-a-uuid'])],
    ['an id of 36 dashes', cursorOf(['2026-05-01T09:00:00.000Z', '-'.repeat(36)])],
    ['an id that is a number', cursorOf(['2026-05-01T09:00:00.000Z', 7])],
    ['three elements', cursorOf(['2026-05-01T09:00:00.000Z', ID, 'x'])],
    ['an object', cursorOf({ at: '2026-05-01T09:00:00.000Z', id: ID })],
    ['not JSON', Buffer.from('garbage').toString('base64url')],
    ['not base64url', '!!!'],
    ['too long', 'A'.repeat(201)],
  ])('refuses a cursor with %s', (_, cursor) => {
    expect(decodeListCursor(cursor, 'ms')).toBeNull();
    expect(decodeListCursor(cursor, 'us')).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map(cursorOf)), (cursor) => {
        decodeListCursor(cursor, 'ms');
        decodeListCursor(cursor, 'us');
      }),
    );
  });
});
