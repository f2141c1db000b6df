import { CALLBACK_PATH, returnPath, safeReturnPath } from './hub-sign-in';

describe('Hub sign-in return path', () => {
  it('comes back where the viewer was', () => {
    expect(returnPath({ pathname: '/schedules', search: '?x=1' })).toBe('/schedules?x=1');
    expect(returnPath({ pathname: CALLBACK_PATH, search: '?code=abc' })).toBe('/');
  });

  it.each([
    ['/incidents/1', '/incidents/1'],
    ['//evil.test/x', '/'],
    ['https://evil.test', '/'],
    [undefined, '/'],
  ])('follows %j as %j', (value, path) => {
    expect(safeReturnPath(value)).toBe(path);
  });
});
