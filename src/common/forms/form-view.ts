import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  Redirect,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { catchError, from, map, mergeMap, Observable, throwError } from 'rxjs';
import { translateRef } from '../i18n/i18n';
import { AppRequest, flash } from '../http/request';
import { FormError } from '../errors/form-error';

const FORM_VIEW_KEY = 'forms:view';

export interface FormViewOptions {
  /** A method of the same controller that returns what the template needs besides the form. */
  context?: string;
  /** Flash message shown after a successful submit. */
  flash?: string;
}

interface FormViewMeta extends FormViewOptions {
  template: string;
}

export type FormContext = Record<string, unknown>;

/** Carries a form page to render again with its errors; the exception filter renders it. */
export class FormRender {
  constructor(
    readonly template: string,
    readonly context: FormContext,
  ) {}
}

/**
 * A form route. On success the handler returns `{ url }` and the browser is sent there
 * (post/redirect/get) with an optional flash message; on bad input the form template is rendered
 * again with status 400, the values typed, and a message next to each field.
 */
export const FormView = (template: string, options: FormViewOptions = {}) =>
  applyDecorators(
    SetMetadata(FORM_VIEW_KEY, { template, ...options }),
    Redirect(undefined, HttpStatus.SEE_OTHER),
    UseInterceptors(FormViewInterceptor),
  );

/** Fields never echoed back into a re-rendered form. */
const SECRET_FIELDS = /password|^activationCode$|^_csrf$/i;

@Injectable()
export class FormViewInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<FormViewMeta>(FORM_VIEW_KEY, context.getHandler());
    const req = context.switchToHttp().getRequest<AppRequest>();
    return next.handle().pipe(
      map((result: { url?: string } | undefined) => {
        if (meta.flash) flash(req, 'success', meta.flash);
        return { url: result?.url ?? req.originalUrl, statusCode: HttpStatus.SEE_OTHER };
      }),
      catchError((error: unknown) => {
        if (!(error instanceof FormError)) return throwError(() => error);
        return from(this.formRender(context, meta, req, error)).pipe(
          mergeMap((render) => throwError(() => render)),
        );
      }),
    );
  }

  private async formRender(
    context: ExecutionContext,
    meta: FormViewMeta,
    req: AppRequest,
    error: FormError,
  ): Promise<FormRender> {
    let extra: FormContext = {};
    if (meta.context) {
      const controller = this.moduleRef.get(context.getClass(), { strict: false }) as Record<
        string,
        (req: AppRequest) => Promise<FormContext>
      >;
      extra = await controller[meta.context](req);
    }
    const errors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, ref]) => [field, translateRef(req.locale, ref)]),
    );
    const values = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([key]) => !SECRET_FIELDS.test(key)),
    );
    return new FormRender(meta.template, {
      ...extra,
      form: { values, errors, message: translateRef(req.locale, error.formMessage), submitted: true },
    });
  }
}
