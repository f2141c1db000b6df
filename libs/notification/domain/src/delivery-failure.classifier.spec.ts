import {
  classifyHttpFailure,
  classifySmtpFailure,
  type SmtpFailureFacts,
} from './delivery-failure.classifier';

describe('classifySmtpFailure', () => {
  it.each<{ facts: SmtpFailureFacts; kind: string; reason: string }>([
    { facts: { responseCode: 421 }, kind: 'transient', reason: 'smtp-temporary-refusal' },
    { facts: { responseCode: 450, errorCode: 'EENVELOPE' }, kind: 'transient', reason: 'smtp-temporary-refusal' },
    { facts: { responseCode: 452 }, kind: 'transient', reason: 'smtp-temporary-refusal' },
    { facts: { responseCode: 503 }, kind: 'transient', reason: 'smtp-temporary-refusal' },
    { facts: { responseCode: 550, errorCode: 'EENVELOPE' }, kind: 'permanent', reason: 'smtp-permanent-refusal' },
    { facts: { responseCode: 554, errorCode: 'EMESSAGE' }, kind: 'permanent', reason: 'smtp-permanent-refusal' },
    { facts: { responseCode: 535, errorCode: 'EAUTH' }, kind: 'transient', reason: 'smtp-authentication' },
    { facts: { errorCode: 'EAUTH' }, kind: 'transient', reason: 'smtp-authentication' },
    { facts: { errorCode: 'ECONNECTION' }, kind: 'transient', reason: 'smtp-unreachable' },
    { facts: { errorCode: 'ESOCKET' }, kind: 'transient', reason: 'smtp-unreachable' },
    { facts: { errorCode: 'EDNS' }, kind: 'transient', reason: 'smtp-unreachable' },
    { facts: { errorCode: 'ETIMEDOUT' }, kind: 'transient', reason: 'smtp-timeout' },
    { facts: { errorCode: 'EENVELOPE' }, kind: 'permanent', reason: 'smtp-invalid-envelope' },
    { facts: {}, kind: 'transient', reason: 'smtp-unreachable' },
  ])('$facts → $kind ($reason)', ({ facts, kind, reason }) => {
    expect(classifySmtpFailure(facts)).toEqual({ kind, reason });
  }); // prettier-ignore
});

describe('classifyHttpFailure', () => {
  it.each([
    { facts: { status: 500 }, kind: 'transient', reason: 'http-server-error' },
    { facts: { status: 503 }, kind: 'transient', reason: 'http-server-error' },
    { facts: { status: 429 }, kind: 'transient', reason: 'http-throttled' },
    { facts: { status: 408 }, kind: 'transient', reason: 'http-throttled' },
    { facts: { status: 400 }, kind: 'permanent', reason: 'http-refused' },
    { facts: { status: 403 }, kind: 'permanent', reason: 'http-refused' },
    { facts: { status: 404 }, kind: 'permanent', reason: 'http-refused' },
    { facts: { status: 410 }, kind: 'permanent', reason: 'http-refused' },
    { facts: { status: 302 }, kind: 'permanent', reason: 'http-redirect' },
    { facts: { errorCode: 'TimeoutError' }, kind: 'transient', reason: 'http-timeout' },
    { facts: { errorCode: 'ECONNREFUSED' }, kind: 'transient', reason: 'http-unreachable' },
    { facts: {}, kind: 'transient', reason: 'http-unreachable' },
  ])('$facts → $kind ($reason)', ({ facts, kind, reason }) => {
    expect(classifyHttpFailure(facts)).toEqual({ kind, reason });
  }); // prettier-ignore

  it('refuses to classify a success', () => {
    expect(() => classifyHttpFailure({ status: 200 })).toThrow('HTTP 200 is a success, not a failure');
  });
});
