import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CSRF_FIELD, csrfProtection, deferCsrfCheck } from './csrf';

/**
 * Refuses state-changing requests without the session's token, then drops the token field. A
 * multipart form's token is in a body not read yet: its check is deferred (see deferCsrfCheck).
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    if (deferCsrfCheck(req)) return next();
    csrfProtection(req, res, (error?: unknown) => {
      if (!error && req.body && typeof req.body === 'object')
        delete (req.body as Record<string, unknown>)[CSRF_FIELD];
      next(error);
    });
  }
}
