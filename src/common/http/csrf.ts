import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { viaApiToken } from './bearer-auth';
import { AppRequest } from './request';

/** The cookie that carries the session's token to the queue dashboard's script (see below). */
export const XSRF_COOKIE = 'XSRF-TOKEN';

/**
 * Synchroniser-token CSRF protection: the token lives in the server-side session and every
 * state-changing request must carry it — as the `_csrf` form field, the `x-csrf-token` header, or
 * (for multipart forms, whose body is read later) the `_csrf` query parameter. Bull's dashboard is a
 * script of its own whose HTTP client (axios) sends the `XSRF-TOKEN` cookie back as the
 * `x-xsrf-token` header on same-origin requests; the dashboard is handed that cookie, and the header
 * is read too. Either way the value must equal the session's token. Only requests that a
 * valid API token authenticated are exempt: their cookie session is never loaded
 * (apiTokenAuthentication), so there is nothing a browser could attach by itself. A request with a
 * bearer that authenticates nobody has no session either, so no token can match and it is refused.
 */
const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    const fromHeader = req.headers['x-csrf-token'] ?? req.headers['x-xsrf-token'];
    const fromQuery = req.query?._csrf;
    const token = [fromBody, fromHeader, fromQuery].find((t) => typeof t === 'string');
    return token as string | undefined;
  },
  getTokenFromState: (req: Request) => (req as AppRequest).session?.csrfToken,
  storeTokenInState: (req: Request, token?: string | null) => {
    const session = (req as AppRequest).session;
    if (session) session.csrfToken = token;
  },
  size: 32,
  skipCsrfProtection: viaApiToken,
});

export const generateToken = csrf.generateToken;
export const csrfProtection = csrf.csrfSynchronisedProtection;
/** False when a state-changing request lacks the session's token (safe methods are always valid). */
export const csrfValid = (req: Request): boolean =>
  ['GET', 'HEAD', 'OPTIONS'].includes(req.method) || viaApiToken(req) || csrf.isRequestValid(req);
