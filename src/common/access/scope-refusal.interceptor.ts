import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { AppRequest } from '../http/request';
import { OutOfScopeException } from './out-of-scope';

/**
 * Registered for every route: logs a request refused because the record is outside the caller's scope, the way AccessGuard logs
 * its refusals: user id and route pattern only — never the id asked for, names or request data.
 */
@Injectable()
export class ScopeRefusalInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Access');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof OutOfScopeException) {
          const req = context.switchToHttp().getRequest<AppRequest>();
          this.logger.warn({
            event: 'access_refused',
            reason: 'outside scope',
            userId: req.user?.userId ?? null,
            method: req.method,
            route: req.route?.path ?? null,
          });
        }
        return throwError(() => error);
      }),
    );
  }
}
