import { verdictFor, retryDelay } from './failure-policy';
import { UndecodableMessageError } from './message-codec';
import { RpcError, RpcUnavailableError } from './rpc-errors';

describe('verdictFor', () => {
  it.each([
    ['an unreadable body', new UndecodableMessageError('x'), 1, 'dead-letter'],
    ['a typed refusal', new RpcError('INCIDENT_RESOLVED', 'no'), 1, 'dead-letter'],
    [
      'an unanswered request, even after many attempts',
      new RpcUnavailableError('s', 'timeout'),
      500,
      'wait-for-dependency',
    ],
    ['a transient error before the last attempt', new Error('deadlock'), 3, 'retry'],
    ['a transient error at the last attempt', new Error('deadlock'), 8, 'dead-letter'],
    ['an INTERNAL answer (maybe a bug, maybe a blip)', new RpcError('INTERNAL', 'x'), 2, 'retry'],
    ['data PostgreSQL refuses here (NUL in text)', pgError('22021'), 1, 'dead-letter'],
    ['data PostgreSQL refuses behind a request', new RpcError('DATA_REFUSED', 'x'), 1, 'dead-letter'],
    ['a NOT NULL violation', pgError('23502'), 1, 'dead-letter'],
    ['a value over a PostgreSQL limit (index row too large)', pgError('54000'), 1, 'dead-letter'],
    ['a unique violation (a retry may see the other row)', pgError('23505'), 1, 'retry'],
    ['a serialization failure', pgError('40001'), 1, 'retry'],
    [
      'an answer too large to send (the handler ran)',
      new RpcError('RESPONSE_TOO_LARGE', 'x'),
      1,
      'dead-letter',
    ],
  ])('%s → %s', (_, error, attempt, verdict) => {
    expect(verdictFor(error, attempt, 8)).toBe(verdict);
  });
});

/** The shape `pg` gives a server error (DatabaseError): a SQLSTATE beside a severity. */
function pgError(code: string) {
  return Object.assign(new Error(`SQLSTATE ${code}`), { code, severity: 'ERROR' });
}

describe('retryDelay', () => {
  it('walks the list, repeats the last delay, and never exceeds the cap', () => {
    expect([1, 2, 3, 9].map((attempt) => retryDelay([100, 500, 1_000], attempt, 800))).toEqual([
      100, 500, 800, 800,
    ]);
  });
});
