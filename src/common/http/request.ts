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

/** Only same-site paths may be used as a return address (no open redirects). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : fallback;
}
