import { parseRoute, pathOf } from './routes';

describe('SPA routes', () => {
  it.each([
    ['/', { page: 'incidents' }],
    ['/incidents', { page: 'incidents' }],
    ['/incidents/', { page: 'incidents' }],
    ['/incidents/b1', { page: 'incident', incidentId: 'b1' }],
    ['/on-call', { page: 'on-call' }],
    ['/nope', { page: 'not-found', path: '/nope' }],
  ])('%s is %j', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips', () => {
    for (const path of ['/', '/incidents/b1', '/on-call']) expect(pathOf(parseRoute(path))).toBe(path);
  });
});
