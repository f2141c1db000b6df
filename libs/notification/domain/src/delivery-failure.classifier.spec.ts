import {
  classifyHttpFailure,
  classifySmtpFailure,
  type HttpFailureFacts,
  type SmtpFailureFacts,
} from './delivery-failure.classifier';

/** Each outcome with every set of facts that should lead to it, as one case per set of facts. */
function casesOf<Facts>(outcomes: { kind: string; reason: string; facts: Facts[] }[]) {
  return outcomes.flatMap(({ kind, reason, facts }) => facts.map((one) => ({ facts: one, kind, reason })));
}

describe('classifySmtpFailure', () => {
  it.each(casesOf<SmtpFailureFacts>([
    { kind: 'transient', reason: 'smtp-temporary-refusal', facts: [{ responseCode: 421 }, { responseCode: 450, errorCode: 'EENVELOPE' }, { responseCode: 452 }, { responseCode: 503 }] },
    { kind: 'permanent', reason: 'smtp-permanent-refusal', facts: [{ responseCode: 550, errorCode: 'EENVELOPE' }, { responseCode: 554, errorCode: 'EMESSAGE' }] },
    { kind: 'transient', reason: 'smtp-authentication', facts: [{ responseCode: 535, errorCode: 'EAUTH' }, { errorCode: 'EAUTH' }] },
    { kind: 'transient', reason: 'smtp-unreachable', facts: [{ errorCode: 'ECONNECTION' }, { errorCode: 'ESOCKET' }, { errorCode: 'EDNS' }, {}] },
    { kind: 'transient', reason: 'smtp-timeout', facts: [{ errorCode: 'ETIMEDOUT' }] },
    { kind: 'permanent', reason: 'smtp-invalid-envelope', facts: [{ errorCode: 'EENVELOPE' }] },
  ]))('$facts → $kind ($reason)', ({ facts, kind, reason }) => {
    expect(classifySmtpFailure(facts)).toEqual({ kind, reason });
  }); // prettier-ignore
});

describe('classifyHttpFailure', () => {
  it.each(casesOf<HttpFailureFacts>([
    { kind: 'transient', reason: 'http-server-error', facts: [{ status: 500 }, { status: 503 }] },
    { kind: 'transient', reason: 'http-throttled', facts: [{ status: 429 }, { status: 408 }] },
    { kind: 'permanent', reason: 'http-refused', facts: [{ status: 400 }, { status: 403 }, { status: 404 }, { status: 410 }] },
    { kind: 'permanent', reason: 'http-redirect', facts: [{ status: 302 }] },
    { kind: 'transient', reason: 'http-timeout', facts: [{ errorCode: 'TimeoutError' }] },
    { kind: 'transient', reason: 'http-unreachable', facts: [{ errorCode: 'ECONNREFUSED' }, {}] },
  ]))('$facts → $kind ($reason)', ({ facts, kind, reason }) => {
    expect(classifyHttpFailure(facts)).toEqual({ kind, reason });
  }); // prettier-ignore

  it('refuses to classify a success', () => {
    expect(() => classifyHttpFailure({ status: 200 })).toThrow('HTTP 200 is a success, not a failure');
  });
});
