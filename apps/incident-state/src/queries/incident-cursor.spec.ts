import { RpcError } from '@oncall/platform-messaging';
import { decodeCursor, encodeCursor } from './incident-cursor';

const issued = { triggeredAt: '2027-01-01T10:00:00.000Z', id: '5f0c7a36-0d5c-4d3e-9a53-9d8e5f1c2b11' };
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('incident list cursor', () => {
  it('reads back what it issued', () => {
    expect(decodeCursor(encodeCursor(issued))).toEqual(issued);
  });

  it.each<[string, string]>([
    ['not base64 JSON', '!!!'],
    ['an id that is not a UUID', raw([issued.triggeredAt, "x' OR 1=1"])],
    ['a time that is not an instant', raw(['yesterday', issued.id])],
    ['a time Date.parse takes but PostgreSQL may not', raw(['Tue Mar 01 2022', issued.id])],
    ['an object instead of the pair', raw({ triggeredAt: issued.triggeredAt, id: issued.id })],
    ['JSON null', raw(null)],
  ])('refuses %s as VALIDATION_FAILED naming cursor', (_, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
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
