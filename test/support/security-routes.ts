import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY, SIGNED_IN } from '../../src/common/access/access.decorators';
import { Role } from '../../src/common/access/roles';

/** What a route declares about who may use it, read the way AccessGuard reads it. */
export type RouteAccess =
  { kind: 'public' } | { kind: 'signedIn' } | { kind: 'roles'; roles: Role[] } | { kind: 'undeclared' };

export interface RouteInfo {
  method: string;
  /** Express path pattern, e.g. `/workers/:id`. */
  path: string;
  controller: Type<unknown>;
  handlerName: string;
  access: RouteAccess;
  /** The class of the `@Body()` parameter, when it takes the whole body. */
  bodyType?: Type<unknown> | typeof Object;
  /** True when a route reads `@Body('field')` (one field) rather than the whole body. */
  bodyField?: boolean;
}

const METHOD_NAMES: Record<number, string> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.ALL]: 'ALL',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.HEAD]: 'HEAD',
};

/**
 * Every route Nest registered, from the controllers of every module of the running app, with the
 * access metadata that @Public/@SignedIn/@Roles set on the handler or its class.
 */
export function nestRoutes(app: INestApplication): RouteInfo[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const seen = new Set<Type<unknown>>();
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]);
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = METHOD_NAMES[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const access = accessOf(reflector, handler, controller);
        const body = bodyParam(controller, name);
        for (const prefix of prefixes)
          for (const path of asArray(paths))
            routes.push({
              method,
              path: joinPath(prefix, path),
              controller,
              handlerName: name,
              access,
              ...body,
            });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** The routes of Express's own router: what actually answers, Nest's routes and any others. */
export function expressRoutes(app: INestApplication): { method: string; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: {
      stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[];
    };
  };
  const out: { method: string; path: string }[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const path of asArray(layer.route.path))
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on) out.push({ method: method === '_all' ? 'ALL' : method.toUpperCase(), path });
  }
  return out;
}

function accessOf(reflector: Reflector, handler: object, controller: Type<unknown>): RouteAccess {
  const targets = [handler as () => void, controller];
  if (reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return { kind: 'public' };
  const allowed = reflector.getAllAndOverride<Role[] | typeof SIGNED_IN | undefined>(ROLES_KEY, targets);
  if (allowed === SIGNED_IN) return { kind: 'signedIn' };
  if (Array.isArray(allowed) && allowed.length > 0) return { kind: 'roles', roles: allowed };
  return { kind: 'undeclared' };
}

interface RouteArg {
  index: number;
  data?: unknown;
}

function bodyParam(controller: Type<unknown>, name: string): Pick<RouteInfo, 'bodyType' | 'bodyField'> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ??
    []) as Type<unknown>[];
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.BODY) continue;
    if (arg.data !== undefined) return { bodyField: true };
    return { bodyType: types[arg.index] };
  }
  return {};
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return ['/' as T];
  return Array.isArray(value) ? value : [value];
}

function joinPath(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** `GET /workers/:id` — how the tests name a route. */
export function routeName(route: { method: string; path: string }): string {
  return `${route.method} ${route.path}`;
}
