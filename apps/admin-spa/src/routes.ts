export type Route =
  | { page: 'incidents' }
  | { page: 'incident'; incidentId: string }
  | { page: 'on-call' }
  | { page: 'not-found'; path: string };

/** Paths of the SPA; admin-api answers index.html for each of them. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/incidents') return { page: 'incidents' };
  if (path === '/on-call') return { page: 'on-call' };
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident) return { page: 'incident', incidentId: decodeURIComponent(incident[1]) };
  return { page: 'not-found', path };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'incidents':
      return '/';
    case 'incident':
      return `/incidents/${encodeURIComponent(route.incidentId)}`;
    case 'on-call':
      return '/on-call';
    case 'not-found':
      return route.path;
  }
}
