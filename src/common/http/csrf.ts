import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/**
 * Synchroniser-token CSRF protection: the token lives in the server-side session and every
 * state-changing request must carry it — as the `_csrf` form field, the `x-csrf-token` header, or
 * (for multipart forms, whose body is read later) the `_csrf` query parameter. Bearer-token API
 * calls carry no cookies and are exempt.
 */
const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    const fromHeader = req.headers['x-csrf-token'];
    const fromQuery = req.query?._csrf;
    const token = [fromBody, fromHeader, fromQuery].find((t) => typeof t === 'string');
    return token as string | undefined;
  },
  size: 32,
  skipCsrfProtection: (req: Request) => /^Bearer\s/i.test(req.headers.authorization ?? ''),
});

export const generateToken = csrf.generateToken;
export const csrfProtection = csrf.csrfSynchronisedProtection;
