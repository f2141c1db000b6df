import { parseRoute, pathOf } from './routes';

describe('SPA routes', () => {
  it.each([
    ['/', { page: 'incidents' }],
    ['/incidents', { page: 'incidents' }],
    ['/incidents/', { page: 'incidents' }],
    ['/incidents/b1', { page: 'incident', incidentId: 'b1' }],
    ['/on-call', { page: 'on-call' }],
    ['/nope', { page: 'not-found', path: '/nope' }],
    ['/incidents/b%201', { page: 'incident', incidentId: 'b 1' }],
    // Not valid percent-encoding: decodeURIComponent throws, and the app must not go blank.
    ['/incidents/%E0%A4%A', { page: 'not-found', path: '/incidents/%E0%A4%A' }],
    ['/incidents/%', { page: 'not-found', path: '/incidents/%' }],
  ])('%s is %j', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips', () => {
    for (const path of ['/', '/incidents/b1', '/on-call']) expect(pathOf(parseRoute(path))).toBe(path);
  });
});
