import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { generateToken } from '../http/csrf';
import { AppRequest } from '../http/request';
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
    res.locals.currentUrl = req.originalUrl;
    res.locals.nav = navigationFor(req.user, path);
    // A function, so a session (and its token) is only created when a page actually has a form.
    res.locals.csrfToken = () => generateToken(req);
    if (req.session?.flash?.length && req.method === 'GET') {
      res.locals.flash = req.session.flash;
      req.session.flash = [];
    }
    next();
  }
}
