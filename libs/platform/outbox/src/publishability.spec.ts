import fc from 'fast-check';
import { headers as natsHeaders } from 'nats';
import { isPermanentPublishError, whyUnpublishable } from './publishability';

const ok = { subject: 'oncall.evt.directory.user-provisioned.v1', messageId: 'e-1', headers: { 'Oncall-Org-Id': 'msp-1' } }; // prettier-ignore

describe('whyUnpublishable', () => {
  it('accepts what the writers write', () => {
    expect(whyUnpublishable(ok)).toBeNull();
    expect(whyUnpublishable({ ...ok, subject: 'oncall.state.admin.user.0f1e-2d', headers: {} })).toBeNull();
  });

  it('never accepts headers that nats.js would refuse to write (its own header code is the oracle)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const value = fc.oneof(text, fc.jsonValue());
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 3 }), (headers) => {
        if (whyUnpublishable({ ...ok, headers }) !== null) return;
        const written = natsHeaders();
        for (const [name, headerValue] of Object.entries(headers)) written.set(name, headerValue as string);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never accepts a subject with whitespace, wildcards or empty tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (subject) => {
        if (whyUnpublishable({ ...ok, subject }) !== null) return;
        expect(subject).not.toMatch(/[\s*>]|^\.|\.$|\.\./);
        expect(subject.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('isPermanentPublishError', () => {
  it.each([
    ['a client refusal of the size', { code: 'MAX_PAYLOAD_EXCEEDED' }, true],
    ['a bad header', { code: 'BAD_HEADER' }, true],
    ['a value of the wrong type', new TypeError('v.trim is not a function'), true],
    ['JetStream refusing the size', { code: '400', api_error: { err_code: 10054 } }, true],
    ['a timeout', { code: 'TIMEOUT' }, false],
    ['no responders (stream missing for now)', { code: '503' }, false],
    ['a disconnect', { code: 'DISCONNECT' }, false],
    ['anything else', new Error('boom'), false],
  ])('%s: %s', (_, error, permanent) => {
    expect(isPermanentPublishError(error)).toBe(permanent);
  });
});
