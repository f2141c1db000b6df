import { classifyPsaFailure } from './psa-failure.classifier';

describe('classifyPsaFailure', () => {
  it.each([
    ['no answer', {}, 'transient', null, 'The PSA could not be reached'],
    ['a timeout', { errorName: 'TimeoutError' }, 'transient', null, 'The PSA did not answer in time'],
    ['503 with its message', { status: 503, message: 'Maintenance until 02:00' }, 'transient', 503, 'Maintenance until 02:00'],
    ['429', { status: 429 }, 'transient', 429, 'The PSA answered HTTP 429'],
    ['408', { status: 408 }, 'transient', 408, 'The PSA answered HTTP 408'],
    ['401 (our key: fixed by the operator, then the same request passes)', { status: 401 }, 'transient', 401, 'The PSA refused our key (HTTP 401)'],
    ['403', { status: 403, message: 'Key revoked' }, 'transient', 403, 'Key revoked'],
    ['a redirect (a wrong PSA_API_URL)', { status: 302 }, 'transient', 302, 'The PSA answered HTTP 302'],
    ['422 with its message', { status: 422, message: 'Company ACME not found' }, 'permanent', 422, 'Company ACME not found'],
    ['400 without a message', { status: 400 }, 'permanent', 400, 'The PSA refused the request (HTTP 400)'],
    ['404 (a ticket deleted in the PSA)', { status: 404, message: '  ' }, 'permanent', 404, 'The PSA refused the request (HTTP 404)'],
  ] as const)('%s', (_, facts, kind, status, message) => {
    expect(classifyPsaFailure(facts)).toEqual({ kind, status, message });
  }); // prettier-ignore

  it('keeps a long message readable on a timeline', () => {
    const failure = classifyPsaFailure({ status: 400, message: 'x'.repeat(2_000) });
    expect(failure.message).toHaveLength(500);
    expect(failure.message.endsWith('…')).toBe(true);
  });

  it('refuses to call a success a failure', () => {
    expect(() => classifyPsaFailure({ status: 201 })).toThrow(RangeError);
  });
});
