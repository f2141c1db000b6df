import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { LOGGER } from '@oncall/platform-runtime';
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Logger } from 'pino';
import { AdminApiConfig } from '../admin-api.config';

/**
 * The SPA's own paths: anything outside /api and /.well-known whose last segment has no dot (a file that is
 * not there is a 404, not index.html), asked for by a browser. Nest's routes are registered before these and always win.
 */
const SPA_PATHS = /^\/(?!(?:api|\.well-known)(?:\/|$))(?:[^/]+\/)*[^/.]*$/;

/** The placeholder in index.html whose content becomes each answer's nonce. */
const NONCE_META = /<meta name="csp-nonce" content="[^"]*"\s*\/?>/;

/**
 * The SPA talks only to its own origin (and Hub's, to sign in); it may not be framed. A `<style>` element
 * is allowed only with this answer's nonce: FullCalendar injects its styles that way, with its icon font as
 * a data: URL (ADR 0137).
 */
export function spaPolicy(connectSources: string, nonce?: string): string {
  const styles = nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  return (
    `default-src 'self'; script-src 'self'; style-src ${styles}; img-src 'self' data:; font-src 'self' data:; connect-src ${connectSources}; ` +
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
  );
}

/** index.html with a fresh nonce in its `csp-nonce` meta tag (the page's scripts read it there). */
export function withNonce(indexHtml: string, nonce: string): string {
  const meta = `<meta name="csp-nonce" content="${nonce}" />`;
  return NONCE_META.test(indexHtml)
    ? indexHtml.replace(NONCE_META, meta)
    : indexHtml.replace('</head>', `  ${meta}\n  </head>`);
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

/** `/` itself, or a browser asking for a page of the SPA (GET or HEAD, wanting HTML). */
function isSpaNavigation(request: Request): boolean {
  if (request.path === '/' || request.path === '/index.html') return true;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * The admin SPA's files at `/` when its build directory exists (ADR 0192). They carry no data and need no
 * token; every API route stays behind the guards. Its paths (/incidents/..., /on-call) get index.html,
 * written per answer with a fresh style nonce (ADR 0137). The platform's security headers are on every
 * answer; the SPA's files replace the API's Content-Security-Policy with their own. Registered after Nest's
 * routes (module init), which therefore always win, and before Nest's 404.
 */
@Module({})
export class AdminSpaModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AdminApiConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const directory = resolve(this.config.SPA_DIST_DIR);
    const index = join(directory, 'index.html');
    if (!existsSync(index) || !statSync(directory).isDirectory()) {
      this.logger.info({ directory }, 'Admin SPA not built; serving the API only');
      return;
    }
    this.logger.info({ directory }, 'Serving the admin SPA at /');
    const connectSources = spaConnectSources(this.config);
    const app = this.adapterHost.httpAdapter.getInstance<express.Express>();

    const page = (request: Request, response: Response, next: NextFunction) => {
      // The fallback answers browsers only: an API client gets the 404 it would get without the SPA.
      if (!isSpaNavigation(request)) return next();
      readFile(index, 'utf8').then((html) => {
        const nonce = randomBytes(16).toString('base64');
        response.setHeader('Content-Security-Policy', spaPolicy(connectSources, nonce));
        response.setHeader('Cache-Control', 'no-store');
        response.type('html').send(withNonce(html, nonce));
      }, next);
    };
    app.get(SPA_PATHS, page);
    app.get(/^\/index\.html$/, page); // a RegExp, as above: a page, not an API route (test/support/route-catalogue)
    // Vite names assets by content hash: they never change.
    app.use(
      '/assets',
      express.static(join(directory, 'assets'), {
        index: false,
        redirect: false,
        dotfiles: 'ignore',
        fallthrough: true,
        setHeaders: (response) => {
          response.setHeader('Content-Security-Policy', spaPolicy(connectSources));
          response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
  }
}
