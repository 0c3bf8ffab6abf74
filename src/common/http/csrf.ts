import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { viaApiToken } from './bearer-auth';
import { AppRequest } from './request';

/**
 * Synchroniser-token CSRF protection: the token lives in the server-side session and every
 * state-changing request must carry it — as the `_csrf` form field, the `x-csrf-token` header, or
 * (for multipart forms, whose body is read later) the `_csrf` query parameter. Only requests that a
 * valid API token authenticated are exempt: their cookie session is never loaded
 * (apiTokenAuthentication), so there is nothing a browser could attach by itself. A request with a
 * bearer that authenticates nobody has no session either, so no token can match and it is refused.
 */
const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    const fromHeader = req.headers['x-csrf-token'];
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
