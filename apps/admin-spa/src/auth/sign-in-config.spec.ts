import { parseSignInConfig } from './sign-in-config';

describe('sign-in settings', () => {
  it('takes Hub with its issuer and client id', () => {
    expect(parseSignInConfig({ mode: 'hub', issuer: 'https://hub.test', clientId: 'oncall' })).toEqual({
      mode: 'hub',
      issuer: 'https://hub.test',
      clientId: 'oncall',
    });
  });

  it.each([
    null,
    'x',
    {},
    { mode: 'hub' },
    { mode: 'hub', issuer: '', clientId: 'c' },
    { mode: 'development' },
  ])('falls back to development sign-in for %j', (body) => {
    expect(parseSignInConfig(body)).toEqual({ mode: 'development' });
  });
});
