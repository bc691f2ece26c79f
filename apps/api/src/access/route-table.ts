import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Permission } from './permissions.js';

/** One route as Nest registers it: `'PATCH /api/nodes/:id'`, and the handler that serves it. */
export interface RouteHandler {
  route: string;
  handler: (...args: unknown[]) => unknown;
}

/**
 * Every route of the application's controllers, read from the same decorator metadata Nest routes by, with the
 * global prefix: what the permission table must cover exactly.
 */
export function discoverRoutes(discovery: DiscoveryService, scanner: MetadataScanner, prefix: string): RouteHandler[] {
  const routes: RouteHandler[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller) continue;
    const controllerPaths = asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (method === undefined || methodPaths === undefined) continue;
      for (const base of controllerPaths) {
        for (const path of asList(methodPaths)) {
          routes.push({ route: `${RequestMethod[method]} ${joinPath(prefix, base, path)}`, handler });
        }
      }
    }
  }
  return routes;
}

/** What is wrong between the routes and the table: routes without an entry, and entries that match no route. */
export function permissionProblems(routes: readonly string[], table: Readonly<Record<string, Permission>>): string[] {
  const served = new Set(routes);
  return [
    ...[...served].filter((route) => !(route in table)).map((route) => `${route}: no entry in the permission table`),
    ...Object.keys(table)
      .filter((route) => !served.has(route))
      .map((route) => `${route}: in the permission table but no such route`),
  ];
}

function asList(paths: string | string[] | undefined): string[] {
  if (paths === undefined) return [''];
  return Array.isArray(paths) ? paths : [paths];
}

function joinPath(...parts: string[]): string {
  const segments = parts.flatMap((part) => part.split('/')).filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}
