import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { AppRequest } from '../common/http/request';
import { NoticesService } from './notices.service';

/**
 * The unread count beside "Thông báo" in the menu: for pages (GET, not the API) of a signed-in
 * person, `res.locals.unreadNotices` is set for the layout: one indexed COUNT, kept a little while
 * per person (NoticesService.unreadCount).
 */
@Injectable()
export class UnreadNoticesMiddleware implements NestMiddleware {
  constructor(private readonly notices: NoticesService) {}

  use(req: AppRequest, res: Response, next: NextFunction): void {
    if (!req.user || req.path.startsWith('/api/') || req.path === '/health') return next();
    this.notices.unreadCount(req.user.userId).then(
      (count) => {
        res.locals.unreadNotices = count;
        next();
      },
      (error: unknown) => next(error),
    );
  }
}
