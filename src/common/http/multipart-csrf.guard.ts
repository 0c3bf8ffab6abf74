import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { CHECKS_DEFERRED_CSRF, csrfDeferred, csrfRefusal } from './csrf';

/**
 * The other half of the deferred check on multipart forms: a multipart request whose token could
 * not be read yet may only reach a route whose upload interceptor checks it. Anywhere else (a form
 * posted as multipart to a route that reads no body, say "delete" or "log out") it is refused here,
 * as CsrfMiddleware would have refused it.
 */
@Injectable()
export class MultipartCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!csrfDeferred(req)) return true;
    const interceptors = [
      ...((Reflect.getMetadata(INTERCEPTORS_METADATA, context.getHandler()) as unknown[]) ?? []),
      ...((Reflect.getMetadata(INTERCEPTORS_METADATA, context.getClass()) as unknown[]) ?? []),
    ];
    if (interceptors.some((i) => (i as Record<symbol, unknown>)?.[CHECKS_DEFERRED_CSRF] === true))
      return true;
    throw csrfRefusal();
  }
}
