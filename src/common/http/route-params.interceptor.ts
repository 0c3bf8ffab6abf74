import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { Observable } from 'rxjs';
import type { Request } from 'express';

/** Route parameters that name a row (`:id`, `:courseId`…) or a year: always a plain number. */
const NUMERIC_PARAM = /^(id|year|\w+Id)$/;
const DIGITS = /^\d{1,15}$/;

/**
 * Registered for every route: a numeric path parameter that is not a plain number ("abc", "1e3",
 * "-1", 20 digits) is refused with 400 before any handler, pipe or form re-render reads it. Form
 * pages read their ids from `req.params` to render again, where no ParseIntPipe runs; without this
 * a `NaN` reached the database and came back as a 500.
 */
@Injectable()
export class RouteParamsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const params = context.switchToHttp().getRequest<Request>().params ?? {};
    for (const [name, value] of Object.entries(params)) {
      if (NUMERIC_PARAM.test(name) && !(typeof value === 'string' && DIGITS.test(value)))
        throw new BadRequestException();
    }
    return next.handle();
  }
}
