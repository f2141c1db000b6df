import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Every HTTP answer of every service, whatever answers it (a route, the exception filter, a 404): helmet's
 * headers (never sniffed, never framed, no referrer, HSTS, same-origin resources). Answers are data, not
 * documents: their policy lets nothing load or run. A page that is a document (the SPA, the development
 * docs, the email action pages, the development mailbox) sets its own Content-Security-Policy over this one.
 */
export const API_SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
};

export function securityHeaders(options: HelmetOptions = API_SECURITY_HEADERS) {
  return helmet(options);
}

/** The same on Fastify, as a hook of the root instance (every route inherits it). */
export function installFastifySecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) =>
    headers(request.raw as IncomingMessage, reply.raw as ServerResponse, (error?: unknown) =>
      done(error as Error | undefined),
    ),
  );
}
