import { RpcError } from '@oncall/platform-messaging';
import { parseInstant } from './parse-instant';

describe('parseInstant', () => {
  it('answers the instant for a strict ISO-8601 instant', () => {
    expect(parseInstant('at', '2027-05-03T11:00:00+02:00')).toEqual(new Date('2027-05-03T09:00:00Z'));
  });

  it.each([['2027-05-03T09:00:00'], ['2027-02-30T00:00:00Z'], ['2027-05-03T24:00:00Z'], [undefined], [42]])(
    'refuses %p with VALIDATION_FAILED naming the field',
    (value) => {
      const refusal = capture(() => parseInstant('from', value));
      expect(refusal).toBeInstanceOf(RpcError);
      expect(refusal.toBody()).toEqual({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^from must be an ISO-8601 instant/),
        details: { errors: [{ field: 'from', message: expect.stringMatching(/^from must be/) }] },
      });
    },
  );
});

function capture(action: () => unknown): RpcError {
  try {
    action();
  } catch (error) {
    return error as RpcError;
  }
  throw new Error('expected a refusal');
}
