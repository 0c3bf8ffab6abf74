import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { csrfProtection } from './csrf';

/** Refuses state-changing requests without the session's token, then drops the token field. */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    csrfProtection(req, res, (error?: unknown) => {
      if (!error && req.body && typeof req.body === 'object')
        delete (req.body as Record<string, unknown>)._csrf;
      next(error);
    });
  }
}
