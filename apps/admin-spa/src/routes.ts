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
  const incidentId = incident && decoded(incident[1]);
  if (incidentId) return { page: 'incident', incidentId };
  return { page: 'not-found', path };
}

/** A path segment, decoded; null when it is not valid percent-encoding (`%E0%A4%A`): such a path names nothing. */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
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
