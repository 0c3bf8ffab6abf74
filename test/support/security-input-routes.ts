import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import {
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { PUBLIC_KEY, ROLES_KEY, SIGNED_IN } from '../../src/common/access/access.decorators';
import { Role } from '../../src/common/access/roles';

/** Who may call a route, as its decorators say. */
export type RouteAccess = 'PUBLIC' | typeof SIGNED_IN | Role[];

export interface RouteParam {
  name: string;
  /** Parsed with ParseIntPipe (an id, a year); otherwise taken as text. */
  integer: boolean;
}

/** One route the application registers, read from the same metadata Nest routes by. */
export interface AppRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express pattern, e.g. /catalog/courses/:courseId/lessons. */
  path: string;
  controller: string;
  handler: string;
  access: RouteAccess;
  params: RouteParam[];
  /** The class of the @Body() DTO, when the route takes one. */
  body?: Type<unknown>;
  /** The class of the @Query() DTO, or the names of single @Query('name') values. */
  query?: Type<unknown>;
  queryNames: string[];
  /** Receives a file through FileUploadInterceptor (multipart). */
  upload: boolean;
  api: boolean;
}

const METHODS: Partial<Record<RequestMethod, AppRoute['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segments = parts
    .map((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .flatMap((p) => p.split('/'))
    .filter((s) => s !== '');
  return '/' + segments.join('/');
}

/**
 * Every route of every controller in the running application. Nothing is hand-picked: a route a
 * later change adds is fuzzed and CSRF-checked without touching the tests.
 */
export function listRoutes(app: INestApplication): AppRoute[] {
  const routes: AppRoute[] = [];
  const seen = new Set<Type<unknown>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const handler of Object.getOwnPropertyNames(proto)) {
        const fn = proto[handler];
        if (handler === 'constructor' || typeof fn !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (sub === undefined || requestMethod === undefined) continue;
        const method = METHODS[requestMethod];
        if (!method) throw new Error(`${controller.name}.${handler}: unexpected method ${requestMethod}`);
        const path = joinPath(base, sub);
        routes.push({
          method,
          path,
          controller: controller.name,
          handler,
          access: accessOf(controller, fn),
          ...argumentsOf(controller, handler, path),
          upload: (
            (Reflect.getMetadata(INTERCEPTORS_METADATA, fn) as Type<unknown>[] | undefined) ?? []
          ).some((i) => typeof (i.prototype as { toFormError?: unknown }).toFormError === 'function'),
          api: path.startsWith('/api/'),
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function accessOf(controller: Type<unknown>, fn: unknown): RouteAccess {
  const read = <T>(key: string) =>
    (Reflect.getMetadata(key, fn as object) as T | undefined) ??
    (Reflect.getMetadata(key, controller) as T | undefined);
  if (read<boolean>(PUBLIC_KEY)) return 'PUBLIC';
  const roles = read<Role[] | typeof SIGNED_IN>(ROLES_KEY);
  if (!roles) throw new Error(`${controller.name}: a route declares no access`);
  return roles;
}

interface RouteArg {
  index: number;
  data?: string;
  pipes?: { name?: string; constructor?: { name: string } }[];
}

function argumentsOf(
  controller: Type<unknown>,
  handler: string,
  path: string,
): Pick<AppRoute, 'params' | 'body' | 'query' | 'queryNames'> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
    string,
    RouteArg
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ??
    []) as Type<unknown>[];
  const params = new Map<string, RouteParam>();
  for (const name of path.match(/:(\w+)/g) ?? [])
    params.set(name.slice(1), { name: name.slice(1), integer: false });
  let body: Type<unknown> | undefined;
  let query: Type<unknown> | undefined;
  const queryNames: string[] = [];
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    const type = types[arg.index];
    const isDto =
      typeof type === 'function' && ![String, Number, Boolean, Object, Array].includes(type as never);
    if (kind === RouteParamtypes.BODY && isDto) body = type;
    if (kind === RouteParamtypes.QUERY) {
      if (arg.data) queryNames.push(arg.data);
      else if (isDto) query = type;
    }
    if (kind === RouteParamtypes.PARAM && arg.data) {
      const integer = (arg.pipes ?? []).some(
        (p) =>
          (typeof p === 'function' ? (p as { name: string }).name : p.constructor?.name) === 'ParseIntPipe',
      );
      params.set(arg.data, { name: arg.data, integer: integer || (params.get(arg.data)?.integer ?? false) });
    }
  }
  return { params: [...params.values()], body, query, queryNames };
}

/** The fields a DTO validates (its own and inherited), with the kinds of check on each. */
export function dtoFields(dto: Type<unknown>): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  for (const meta of metas) {
    const checks = fields.get(meta.propertyName) ?? new Set<string>();
    checks.add(meta.name ?? meta.type);
    fields.set(meta.propertyName, checks);
  }
  return fields;
}

/** Nested DTO classes of a field (@ValidateNested with @Type), for building nested bodies. */
export function nestedType(dto: Type<unknown>, field: string): Type<unknown> | undefined {
  // class-transformer keeps @Type() in its own storage; its default export holds it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: {
      findTypeMetadata(target: unknown, key: string): { typeFunction: () => Type<unknown> } | undefined;
    };
  };
  return defaultMetadataStorage.findTypeMetadata(dto, field)?.typeFunction();
}

/** True when the route changes state (anything but GET). */
export const isStateChanging = (route: AppRoute) => route.method !== 'GET';
