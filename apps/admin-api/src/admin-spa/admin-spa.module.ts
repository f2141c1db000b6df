import { NotFoundException } from '@nestjs/common';
import { ServeStaticModule, ServeStaticModuleOptions } from '@nestjs/serve-static';
import { LOGGER } from '@oncall/platform-runtime';
import type { Request } from 'express';
import type { ServerResponse } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'pino';
import { AdminApiConfig } from '../admin-api.config';

/**
 * The SPA's own paths: anything outside /api and /.well-known whose last segment has no dot (a file that is
 * not there is a 404, not index.html), asked for by a browser. Nest's routes are registered before these and always win.
 */
const SPA_PATHS = /^\/(?!(?:api|\.well-known)(?:\/|$))(?:[^/]+\/)*[^/.]*$/;

/** The SPA talks only to its own origin (and Hub's, to sign in); it may not be framed. */
function spaPolicy(connectSources: string): string {
  return (
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${connectSources}; ` +
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
  );
}

/**
 * Where the SPA may connect: its own origin, and with Hub sign-in Hub's origin (discovery and the token
 * endpoint are fetched by the browser; ADR 0200).
 */
function spaConnectSources(config: AdminApiConfig): string {
  if (!config.HUB_ISSUER || !config.HUB_SPA_CLIENT_ID) return "'self'";
  try {
    return `'self' ${new URL(config.HUB_ISSUER).origin}`;
  } catch {
    return "'self'";
  }
}

/**
 * The admin SPA's static files at `/`, through @nestjs/serve-static, when its build directory exists
 * (ADR 0192). They carry no data and need no token; every API route stays behind the guards. Its paths
 * (/incidents/..., /on-call) get index.html. The platform's security headers are on every answer; the SPA's
 * files replace the API's Content-Security-Policy with their own.
 */
export const AdminSpaModule = ServeStaticModule.forRootAsync({
  inject: [AdminApiConfig, LOGGER],
  useFactory: (config: AdminApiConfig, logger: Logger) =>
    spaOptions(resolve(config.SPA_DIST_DIR), spaPolicy(spaConnectSources(config)), logger),
});

/** `/` itself, or a browser asking for a page of the SPA (GET or HEAD, wanting HTML). */
function isSpaNavigation(request: Request): boolean {
  if (request.path === '/' || request.path === '/index.html') return true;
  return (request.headers.accept ?? '').includes('text/html');
}

function spaOptions(directory: string, policy: string, logger: Logger): ServeStaticModuleOptions[] {
  if (!existsSync(join(directory, 'index.html')) || !statSync(directory).isDirectory()) {
    logger.info({ directory }, 'Admin SPA not built; serving the API only');
    return [];
  }
  logger.info({ directory }, 'Serving the admin SPA at /');
  const assets = join(directory, 'assets');
  const index = join(directory, 'index.html');
  return [
    {
      rootPath: directory,
      renderPath: SPA_PATHS,
      exclude: ['/api/{*rest}', '/.well-known/{*rest}'],
      serveStaticOptions: {
        index: 'index.html',
        redirect: false,
        dotfiles: 'ignore',
        setHeaders: (response: ServerResponse & { req: Request }, path: string) => {
          if (path === index && !isSpaNavigation(response.req)) {
            // The fallback answers browsers only: an API client gets the 404 it would get without the SPA.
            throw new NotFoundException(`Cannot ${response.req.method} ${response.req.path}`);
          }
          response.setHeader('Content-Security-Policy', policy);
          // Vite names assets by content hash: they never change. index.html must be revalidated.
          response.setHeader('Cache-Control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache'); // prettier-ignore
        },
      },
    },
  ];
}
