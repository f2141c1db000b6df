import { CursorCodec, CursorPart } from '@oncall/contracts';
import { readCursor, RpcError } from '@oncall/platform-messaging';
import { decodeCursor, encodeCursor } from './incident-cursor';
import { alertsCursor, timelineCursor } from './incident-cursors';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const id = '5f0c7a36-0d5c-4d3e-9a53-9d8e5f1c2b11';

describe('incident cursors', () => {
  it('read back what they issued', () => {
    const list = encodeCursor({ triggeredAt: '2027-01-01T10:00:00.000Z', id });
    expect(decodeCursor(list)).toEqual({ triggeredAt: '2027-01-01T10:00:00.000Z', id });
    expect(readCursor(alertsCursor, alertsCursor.encode([51]))).toEqual([51]);
  });

  const list = (cursor: string) => decodeCursor(cursor);
  const page = (codec: CursorCodec<readonly CursorPart[]>) => (cursor: string) => readCursor(codec, cursor);
  it.each<[string, (cursor: string) => unknown, string]>([
    ['not base64 JSON', list, '!!!'],
    ['30 February', list, raw(['2027-02-30T10:00:00.000Z', id])],
    ['year 0', list, raw(['0000-01-01T00:00:00.000Z', id])],
    ['an id that is not a UUID', list, raw(['2027-01-01T10:00:00.000Z', "x' OR 1"])],
    ['microseconds where the list writes milliseconds', list, raw(['2027-01-01T10:00:00.000000Z', id])],
    ['a timeline cursor on the alerts', page(alertsCursor), timelineCursor.encode([3])],
    ['a position over a PostgreSQL integer', page(alertsCursor), raw(['incident-alerts', 2 ** 31])],
  ])('refuse %s as VALIDATION_FAILED naming cursor', (_, decode, cursor) => {
    let error: unknown;
    try {
      decode(cursor);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('VALIDATION_FAILED');
    expect((error as RpcError).details).toEqual({
      errors: [{ field: 'cursor', message: expect.stringMatching(/^cursor is /) }],
    });
  });
});
