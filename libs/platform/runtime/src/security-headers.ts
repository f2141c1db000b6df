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

/**
 * The same on Fastify, as a hook of the root instance (every route inherits it). Helmet's answer does not
 * depend on the request with these options, so it is taken once and set as it is on every answer: helmet's
 * middleware chain per request cost more than the bare handler's whole answer (ADR 0158).
 */
export function installFastifySecurityHeaders(fastify: FastifyInstance): void {
  const headers = Object.entries(helmetHeaders(API_SECURITY_HEADERS));
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/** The headers helmet sets with `options`, taken from one run of its middleware. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const set = new Map<string, [string, string]>();
  const recorder = {
    setHeader: (name: string, value: string) => void set.set(name.toLowerCase(), [name, String(value)]),
    removeHeader: (name: string) => void set.delete(name.toLowerCase()),
  };
  let finished = false;
  securityHeaders(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error as Error;
      finished = true;
    },
  );
  if (!finished) throw new Error('helmet did not finish synchronously; its headers cannot be taken once');
  return Object.fromEntries(set.values());
}
