import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { translate, translateRef } from '../i18n/i18n';
import { AppRequest, wantsJson } from '../http/request';
import { FormError } from './form-error';
import { FormJson, FormRender } from '../forms/form-view';

/**
 * One place that turns errors into answers: Vietnamese (or English) error pages for people, JSON for
 * API clients, a redirect to sign in for pages that need it. Stack traces go to the log only.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<AppRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof FormRender) {
      res.status(HttpStatus.BAD_REQUEST).render(exception.template, exception.context);
      return;
    }
    if (exception instanceof FormJson) {
      res.status(HttpStatus.OK).json(exception.body);
      return;
    }
    const locale = req.locale ?? 'vi';
    const status = statusOf(exception);
    if (status >= 500) {
      this.logger.error(
        // Only name, message and stack: a query error's parameters may hold personal data.
        { method: req.method, route: req.route?.path ?? req.path, err: describe(exception) },
        'unhandled error',
      );
    }
    const messageKey = isCsrfError(exception)
      ? 'error.csrf'
      : `error.${status in KNOWN ? status : status >= 500 ? 500 : 400}`;

    if (wantsJson(req)) {
      const body: Record<string, unknown> = { statusCode: status, message: translate(locale, messageKey) };
      if (exception instanceof FormError) {
        body.message = translateRef(locale, exception.formMessage);
        body.errors = Object.fromEntries(
          Object.entries(exception.fieldErrors).map(([field, ref]) => [field, translateRef(locale, ref)]),
        );
      }
      res.status(status).json(body);
      return;
    }
    if (status === HttpStatus.UNAUTHORIZED && req.method === 'GET') {
      if (req.session) req.session.returnTo = req.originalUrl;
      res.redirect(303, '/login');
      return;
    }
    const errors =
      exception instanceof FormError
        ? Object.values(exception.fieldErrors).map((ref) => translateRef(locale, ref))
        : [];
    res
      .status(status)
      .render('errors/error', { status, messageKey, errors, title: translate(locale, 'error.title') });
  }
}

const KNOWN: Record<number, true> = {
  400: true,
  401: true,
  403: true,
  404: true,
  409: true,
  413: true,
  429: true,
  500: true,
};

function isCsrfError(exception: unknown): boolean {
  return (exception as { code?: string })?.code === 'EBADCSRFTOKEN';
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  if (isCsrfError(exception)) return HttpStatus.FORBIDDEN;
  const status =
    (exception as { status?: number; statusCode?: number })?.status ??
    (exception as { statusCode?: number })?.statusCode;
  // Body parser errors (bad JSON, too large) carry their own 4xx status.
  if (typeof status === 'number' && status >= 400 && status < 500) return status;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

function describe(exception: unknown): { name: string; message: string; stack?: string } {
  if (exception instanceof Error)
    return { name: exception.name, message: exception.message, stack: exception.stack };
  return { name: typeof exception, message: String(exception) };
}
