import { CursorCodec, CursorPart } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { alertsCursor, incidentListCursor, positionOf, timelineCursor } from './incident-cursors';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const id = '5f0c7a36-0d5c-4d3e-9a53-9d8e5f1c2b11';

describe('incident cursors', () => {
  it('read back what they issued', () => {
    const list = incidentListCursor.encode(['2027-01-01T10:00:00.000Z', id]);
    expect(positionOf(incidentListCursor, list)).toEqual(['2027-01-01T10:00:00.000Z', id]);
    expect(positionOf(alertsCursor, alertsCursor.encode([51]))).toEqual([51]);
  });

  it.each<[string, CursorCodec<readonly CursorPart[]>, string]>([
    ['not base64 JSON', incidentListCursor, '!!!'],
    ['30 February', incidentListCursor, raw(['incidents', '2027-02-30T10:00:00.000Z', id])],
    ['year 0', incidentListCursor, raw(['incidents', '0000-01-01T00:00:00.000Z', id])],
    [
      'an id that is not a UUID',
      incidentListCursor,
      raw(['incidents', '2027-01-01T10:00:00.000Z', "x' OR 1"]),
    ],
    ['the old list cursor (no kind)', incidentListCursor, raw(['2027-01-01T10:00:00.000Z', id])],
    ['a timeline cursor on the alerts', alertsCursor, timelineCursor.encode([3])],
    ['a position over a PostgreSQL integer', alertsCursor, raw(['incident-alerts', 2 ** 31])],
  ])('refuse %s as VALIDATION_FAILED naming cursor', (_, codec, cursor) => {
    let error: unknown;
    try {
      positionOf(codec, cursor);
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
