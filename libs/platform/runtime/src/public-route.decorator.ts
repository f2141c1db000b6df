import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'oncall:public-route';

/**
 * Marks an HTTP route that needs no user token: probes, the JWKS document, and routes that carry their own
 * credential (alert keys, signed links, service keys). Guards skip only what is marked.
 */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
