import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { maskedToken } from '../http/csrf';
import { AppRequest } from '../http/request';
import { normaliseCccd } from '../validation/cccd';
import { navigationFor } from './navigation';

/** What every page's layout needs: language, who is signed in, their menu, flash messages, CSRF. */
@Injectable()
export class ViewLocalsMiddleware implements NestMiddleware {
  use(req: AppRequest, res: Response, next: NextFunction): void {
    res.locals.locale = req.locale;
    res.locals.actor = req.user;
    // req.path is relative to the middleware's mount point inside Nest; the URL's path is what we want.
    const path = req.originalUrl.split('?')[0];
    res.locals.currentPath = path;
    // The page's own address, for the language switch: a CCCD-shaped value never goes back into a link.
    res.locals.currentUrl = withoutCccds(req.originalUrl);
    res.locals.nav = navigationFor(req.user, path);
    // A function, so a session (and its token) is only created when a page actually has a form;
    // each form gets its own masked copy of the token.
    res.locals.csrfToken = () => maskedToken(req);
    if (req.session?.flash?.length && req.method === 'GET') {
      res.locals.flash = req.session.flash;
      req.session.flash = [];
    }
    next();
  }
}

/** The URL with every query parameter whose value looks like a CCCD left out. */
export function withoutCccds(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const [key, value] of [...params])
    if (/^\d{12}$/.test(normaliseCccd(value.trim()))) params.delete(key);
  const query = params.toString();
  return query ? `${url.slice(0, at)}?${query}` : url.slice(0, at);
}
