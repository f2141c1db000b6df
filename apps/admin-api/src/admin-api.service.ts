import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Streams } from '@oncall/contracts';
import { CreateOutbox1764201600000 } from '@oncall/platform-outbox';
import { LOGGER, ServiceDefinition } from '@oncall/platform-runtime';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'pino';
import { setUpOpenApi } from './open-api';
import { AdminApiConfig } from './admin-api.config';
import { AdminApiModule } from './admin-api.module';
import { CreateLiveTickets1795802400000 } from './auth/migrations/1795802400000-create-live-tickets';
import { CreateDirectory1764201700000 } from './directory/migrations/1764201700000-create-directory';
import { AddServiceTicketMode1796600000000 } from './directory/migrations/1796600000000-add-service-ticket-mode';
import { AddCorrelationSettings1797100000000 } from './directory/migrations/1797100000000-add-correlation-settings';

export const ADMIN_API = 'admin-api';
export const ADMIN_API_SCHEMA = 'admin_api';
export const ADMIN_API_MIGRATIONS = [
  CreateOutbox1764201600000,
  CreateDirectory1764201700000,
  CreateLiveTickets1795802400000,
  AddServiceTicketMode1796600000000,
  AddCorrelationSettings1797100000000,
];

export function adminApiService(config: AdminApiConfig): ServiceDefinition {
  return {
    serviceName: ADMIN_API,
    config,
    schema: ADMIN_API_SCHEMA,
    migrations: ADMIN_API_MIGRATIONS,
    streams: [Streams.incidents, Streams.directory, Streams.scheduling, Streams.escalation, Streams.psa],
    module: AdminApiModule,
    configureHttp: (app) => {
      app.use(apiSecurityHeaders);
      // The API's whole surface, generated: handy in development, a map for attackers in production.
      if (config.NODE_ENV !== 'production') setUpOpenApi(app);
      serveAdminSpa(app, resolve(config.SPA_DIST_DIR), spaConnectSources(config));
    },
  };
}

/**
 * The admin SPA's static files, at `/`, when its build directory exists. They carry no data and need no
 * token; every API route stays behind the guards. Browser navigations to the SPA's own paths
 * (/incidents/..., /on-call) get index.html; /api, /.well-known and every route Nest serves never do.
 */
function serveAdminSpa(app: INestApplication, directory: string, connectSources: string): void {
  const logger = app.get<Logger>(LOGGER);
  const indexFile = join(directory, 'index.html');
  if (!existsSync(indexFile) || !statSync(directory).isDirectory()) {
    logger.info({ directory }, 'Admin SPA not built; serving the API only');
    return;
  }
  const express = app as NestExpressApplication;
  express.useStaticAssets(directory, {
    index: 'index.html',
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (response, path) => {
      setSpaSecurityHeaders(response, connectSources);
      // Vite names assets by content hash: they never change. index.html must be revalidated.
      response.setHeader(
        'Cache-Control',
        path.startsWith(join(directory, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const routes = expressRoutes(app);
  express.use((request: Request, response: Response, next: NextFunction) => {
    if (!isSpaNavigation(request) || routes().some((route) => matches(route, request.path))) return next();
    setSpaSecurityHeaders(response, connectSources);
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile, (error) => error && next(error));
  });
  logger.info({ directory }, 'Serving the admin SPA at /');
}

/** A browser asking for a page of the SPA: GET or HEAD, wanting HTML, outside the API, not a file. */
function isSpaNavigation(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.path;
  if (/^\/(api|\.well-known)(\/|$)/.test(path)) return false;
  if (/\.[^/]*$/.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

interface RouteLayer {
  route?: unknown;
  match(path: string): unknown;
}

/** Nest's routes as Express registered them (read on first use: they exist only after app.init()). */
function expressRoutes(app: INestApplication): () => RouteLayer[] {
  let layers: RouteLayer[] | undefined;
  return () => {
    if (!layers) {
      const instance = app.getHttpAdapter().getInstance() as { router?: { stack?: RouteLayer[] } };
      layers = (instance.router?.stack ?? []).filter((layer) => layer.route);
    }
    return layers;
  };
}

function matches(route: RouteLayer, path: string): boolean {
  try {
    return Boolean(route.match(path));
  } catch {
    return true; // a malformed path: let Nest answer it
  }
}

type HeaderTarget = { setHeader(name: string, value: string): unknown };

/**
 * Every response of admin-api, whatever answers it (a route, the exception filter, a 404): never sniffed,
 * never framed, no referrer. API answers are data, not documents: nothing in them may load or run anything.
 * The SPA's files replace the policy with their own (setSpaSecurityHeaders); so do the development docs.
 */
function apiSecurityHeaders(_request: Request, response: Response, next: NextFunction): void {
  setCommonSecurityHeaders(response);
  response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  next();
}

function setCommonSecurityHeaders(response: HeaderTarget): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
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

/** The SPA talks only to its own origin (and Hub's, to sign in); it may not be framed. */
function setSpaSecurityHeaders(response: HeaderTarget, connectSources: string): void {
  response.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${connectSources}; ` +
      "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  );
  setCommonSecurityHeaders(response);
}
