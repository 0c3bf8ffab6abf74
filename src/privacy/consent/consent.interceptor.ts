import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, mergeMap, Observable, throwError } from 'rxjs';
import { AppRequest } from '../../common/http/request';
import { ConsentService } from './consent.service';
import { ConsentRequiredException, isConsentExempt } from './consent-gate';

/**
 * Registered for every route, after the access guard has decided who the caller is (session or API
 * token): someone who has not accepted the current privacy notice gets no further than the
 * consent page (pages) or a 403 naming it (API). ConsentRequiredFilter writes the answer.
 */
@Injectable()
export class ConsentInterceptor implements NestInterceptor {
  constructor(private readonly consents: ConsentService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AppRequest>();
    const actor = req.user;
    if (!actor || isConsentExempt(req.originalUrl.split('?')[0])) return next.handle();
    return from(this.consents.hasAcceptedCurrent(actor.userId)).pipe(
      mergeMap((ok) =>
        ok ? next.handle() : throwError(() => new ConsentRequiredException(this.consents.currentVersion)),
      ),
    );
  }
}
