import { presentedServiceKey, serviceKeyMatches } from './service-key';

describe('service keys', () => {
  it.each([
    ['the configured key', 'k-123', 'k-123', true],
    ['another key', 'k-124', 'k-123', false],
    ['a prefix of the key', 'k-12', 'k-123', false],
    ['nothing presented', undefined, 'k-123', false],
    ['an unconfigured key, even if empty is presented', '', undefined, false],
  ])('%s', (_, presented, configured, expected) => {
    expect(serviceKeyMatches(presented, configured)).toBe(expected);
  });

  it('reads the key from a bearer header or X-Service-Key', () => {
    expect(presentedServiceKey({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedServiceKey({ 'x-service-key': 'def' })).toBe('def');
    expect(presentedServiceKey({ authorization: 'Basic xyz' })).toBeUndefined();
  });
});
