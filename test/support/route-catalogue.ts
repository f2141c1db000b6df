import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { Permission } from '@oncall/platform-auth';
import { PUBLIC_ROUTE } from '@oncall/platform-runtime';
import { REQUIRED_PERMISSION } from '../../apps/admin-api/src/auth/requires.decorator';

export interface RouteInfo {
  method: string;
  /** Express form, e.g. /api/v1/clients/:id */
  path: string;
  permission: Permission | undefined;
  isPublic: boolean;
  handler: string;
}

/**
 * Every HTTP route of a running Nest app, read from the controllers the app actually registered, and
 * cross-checked against the Express router so that no route can hide from a test that walks them.
 */
export function routeCatalogue(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as new () => object;
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const requestMethod: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (requestMethod === undefined) continue;
        routes.push({
          method: RequestMethod[requestMethod],
          path: joinPath(
            Reflect.getMetadata(PATH_METADATA, controller),
            Reflect.getMetadata(PATH_METADATA, handler),
          ),
          permission:
            Reflect.getMetadata(REQUIRED_PERMISSION, handler) ??
            Reflect.getMetadata(REQUIRED_PERMISSION, controller),
          isPublic: Boolean(
            Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller),
          ),
          handler: `${controller.name}.${name}`,
        });
      }
    }
  }
  assertSameAsExpressRouter(app, routes);
  return routes;
}

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .filter((part): part is string => Boolean(part) && part !== '/')
    .map((part) => part.replace(/^\/|\/$/g, ''))
    .join('/');
  return `/${joined}`;
}

/** OpenAPI pages are mounted outside Nest's controllers and serve no data. */
const DOCUMENTATION = /^\/api\/docs/;

function assertSameAsExpressRouter(app: INestApplication, routes: RouteInfo[]): void {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string | RegExp; methods: Record<string, boolean> } }[] };
  };
  const known = new Set(routes.map((route) => `${route.method} ${route.path}`));
  const unknown = express.router.stack
    // The admin SPA's pages (RegExp routes of AdminSpaModule) serve index.html, no data.
    .filter(
      (layer) => layer.route && typeof layer.route.path === 'string' && !DOCUMENTATION.test(layer.route.path),
    )
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`),
    )
    .filter((route) => !known.has(route));
  if (unknown.length > 0)
    throw new Error(`Routes served but not found in controller metadata: ${unknown.join(', ')}`);
}
