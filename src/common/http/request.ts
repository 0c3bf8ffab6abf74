import type { Request } from 'express';
import type { Session, SessionData } from 'express-session';
import { Actor } from '../access/actor';
import { Locale, MessageRef } from '../i18n/messages';

export type FlashType = 'success' | 'error' | 'info';
export interface FlashMessage extends MessageRef {
  type: FlashType;
}

declare module 'express-session' {
  interface SessionData {
    flash?: FlashMessage[];
    /** When the person signed in; the absolute session timeout counts from here. */
    signedInAt?: number;
    /** Where to go after signing in. */
    returnTo?: string;
    /** What the sign-in page says the person signs in for, while returnTo is still `path`. */
    signInFor?: { path: string; message: MessageRef };
  }
}

export type AppRequest = Request & {
  user?: Actor;
  locale: Locale;
  session?: Session & Partial<SessionData>;
};

/** API calls and fetches answer JSON; everything else is a page. */
export function wantsJson(req: Request): boolean {
  if (req.path.startsWith('/api/') || req.path === '/health') return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function flash(req: AppRequest, type: FlashType, key: string, params?: MessageRef['params']): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), { type, key, params }];
}

/**
 * A page a signed-out person cannot use yet sends them to sign in, and says on the sign-in page
 * what for (a message the page chose, never the request's own words). The caller then throws
 * UnauthorizedException, whose answer records the return address and redirects to /login.
 */
export function askToSignIn(req: AppRequest, message: MessageRef): void {
  if (req.session) req.session.signInFor = { path: req.originalUrl, message };
}

/** What the sign-in page says the person signs in for: only while it still leads back there. */
export function signInReason(req: AppRequest): MessageRef | undefined {
  const reason = req.session?.signInFor;
  return reason && reason.path === req.session?.returnTo ? reason.message : undefined;
}

/** Only same-site paths may be used as a return address (no open redirects). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : fallback;
}
