import type { NextFunction, Request, Response } from 'express';
import { readFromReplica } from '../../database/read-routing';

/** Set on the answer to a write: this browser's next reads go to the primary while it lasts. */
export const PRIMARY_COOKIE = 'hoctap.primary';

/**
 * With read replicas: a GET or HEAD reads from a replica, unless the same browser wrote something
 * within `afterWriteSeconds` — the page a form redirects to must show what was just saved, and a
 * replica may not have it yet. Any other method reads the primary and sets that cookie. Mounted
 * after the body parsers (their stream callbacks would lose the request's context) and after the
 * session, so the signed-in account is read from the primary.
 */
export function replicaReads(afterWriteSeconds: number, secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (req.cookies?.[PRIMARY_COOKIE]) return next();
      return readFromReplica(next);
    }
    if (afterWriteSeconds > 0) {
      res.cookie(PRIMARY_COOKIE, '1', {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: afterWriteSeconds * 1000,
      });
    }
    next();
  };
}
