import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Actor } from '../access/actor';
import { AppRequest } from './request';

/** Whoever checks a personal API token (ApiTokensService). */
export interface TokenAuthenticator {
  authenticate(token: string): Promise<Actor | null>;
}

/**
 * The credential of a request that claims the Bearer scheme: the token, or '' when the header is
 * malformed ("Bearer", "Bearer a b"). Undefined when the request sends no bearer at all.
 */
export function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !/^Bearer(\s|$)/i.test(header)) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '';
}

/** True when the caller was authenticated by a valid API token on this request. */
export function viaApiToken(req: Request): boolean {
  return (req as AppRequest).user?.via === 'token';
}

/**
 * Runs before the session middleware. A request with a bearer is an API client's: its cookie
 * session is never loaded (so it can neither act as the session nor skip the session's CSRF check),
 * and the token alone decides who it is. A token authenticates /api/ routes only — pages and forms
 * are a person's, with a session. A bearer that authenticates nobody leaves the request anonymous;
 * AccessGuard then refuses it with 401, and CsrfMiddleware before it refuses a state-changing one.
 */
export function apiTokenAuthentication(tokens: TokenAuthenticator): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerOf(req);
    if (token === undefined || token === '' || !req.path.startsWith('/api/')) return next();
    tokens.authenticate(token).then((actor) => {
      if (actor) (req as AppRequest).user = actor;
      next();
    }, next);
  };
}

/** Wraps a middleware that reads the cookie session, so that requests with a bearer skip it. */
export function unlessBearer(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (bearerOf(req) === undefined ? middleware(req, res, next) : next());
}
