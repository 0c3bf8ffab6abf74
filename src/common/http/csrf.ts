import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { viaApiToken } from './bearer-auth';
import { AppRequest } from './request';

/** The cookie that carries the session's token to the queue dashboard's script (see below). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
/** The form field that carries the token, in urlencoded and multipart forms alike. */
export const CSRF_FIELD = '_csrf';

const TOKEN_BYTES = 32;
const RAW = new RegExp(`^[0-9a-f]{${TOKEN_BYTES * 2}}$`);
const MASKED = new RegExp(`^[0-9a-f]{${TOKEN_BYTES * 4}}$`);

/**
 * Synchroniser-token CSRF protection: the token lives in the server-side session and every
 * state-changing request must carry it — as the `_csrf` form field or the `x-csrf-token` header,
 * never in the address (it would stay in the address bar, the history and the logs). Multipart
 * forms are read after this check, so their field is checked once the upload interceptor has
 * parsed them (see `deferCsrfCheck`). Bull's dashboard is a script of its own whose HTTP client
 * (axios) sends the `XSRF-TOKEN` cookie back as the `x-xsrf-token` header on same-origin requests;
 * the dashboard is handed that cookie, and the header is read too. Either way the value must match
 * the session's token. Only requests that a valid API token authenticated are exempt: their cookie
 * session is never loaded (apiTokenAuthentication), so there is nothing a browser could attach by
 * itself. A request with a bearer that authenticates nobody has no session either, so no token can
 * match and it is refused.
 *
 * Pages are compressed, so a page never shows the session's token as it is: each copy is masked
 * with fresh random bytes (`maskedToken`), which keeps a compression side channel (BREACH) from
 * recovering it byte by byte.
 */
const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => unmask(tokenSent(req)),
  getTokenFromState: (req: Request) => (req as AppRequest).session?.csrfToken,
  storeTokenInState: (req: Request, token?: string | null) => {
    const session = (req as AppRequest).session;
    if (session) session.csrfToken = token;
  },
  size: TOKEN_BYTES,
  skipCsrfProtection: viaApiToken,
});

function tokenSent(req: Request): string | undefined {
  const fromBody = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  const fromHeader = req.headers['x-csrf-token'] ?? req.headers['x-xsrf-token'];
  const token = [fromBody, fromHeader].find((t) => typeof t === 'string');
  return token as string | undefined;
}

/** A copy of the session's token for a page: random pad + (token XOR pad), different every time. */
export function maskedToken(req: Request): string {
  const token = Buffer.from(csrf.generateToken(req), 'hex');
  const pad = randomBytes(token.length);
  return pad.toString('hex') + xor(token, pad).toString('hex');
}

function unmask(token: string | undefined): string | undefined {
  if (!token || RAW.test(token) || !MASKED.test(token)) return token;
  const bytes = Buffer.from(token, 'hex');
  return xor(bytes.subarray(TOKEN_BYTES), bytes.subarray(0, TOKEN_BYTES)).toString('hex');
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ b[i]));
}

export const generateToken = csrf.generateToken;
export const csrfProtection = csrf.csrfSynchronisedProtection;
/** False when a state-changing request lacks the session's token (safe methods are always valid). */
export const csrfValid = (req: Request): boolean => exempt(req) || csrf.isRequestValid(req);

const exempt = (req: Request) => ['GET', 'HEAD', 'OPTIONS'].includes(req.method) || viaApiToken(req);

/** The error csrf-sync raises, for checks made after it (AllExceptionsFilter answers 403). */
export function csrfRefusal(): Error {
  return Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN', status: 403 });
}

type DeferringRequest = Request & { csrfDeferred?: boolean };

/**
 * A multipart form's fields are in its body, which only the upload interceptor reads. When such a
 * request carries no token in a header, CsrfMiddleware lets it pass, marked; MultipartCsrfGuard
 * refuses it unless its route reads uploads, and the upload interceptor checks the `_csrf` field
 * as soon as it has it (before the file is written) and again when the body is read.
 */
export function deferCsrfCheck(req: Request): boolean {
  if (exempt(req) || !req.is('multipart/form-data') || typeof tokenSent(req) === 'string') return false;
  (req as DeferringRequest).csrfDeferred = true;
  return true;
}

export function csrfDeferred(req: Request): boolean {
  return (req as DeferringRequest).csrfDeferred === true;
}

/** Once the fields are read: throws unless the `_csrf` field is the session's token, then drops it. */
export function checkDeferredCsrf(req: Request): void {
  if (!csrfDeferred(req)) return;
  if (!csrfValid(req)) throw csrfRefusal();
  (req as DeferringRequest).csrfDeferred = false;
  if (req.body && typeof req.body === 'object') delete (req.body as Record<string, unknown>)[CSRF_FIELD];
}

/** Marks an interceptor class that calls checkDeferredCsrf (MultipartCsrfGuard looks for it). */
export const CHECKS_DEFERRED_CSRF = Symbol('checksDeferredCsrf');
