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
import { AppRequest, flash, wantsJson } from '../http/request';
import { FormError } from '../errors/form-error';

const FORM_VIEW_KEY = 'forms:view';

export type FormContext = Record<string, unknown>;

/** Builds what a form's template needs besides the form, from the request. */
export type FormContextMethod = (req: AppRequest) => Promise<FormContext>;

export interface FormViewOptions {
  /**
   * The method of the same controller that returns what the template needs besides the form,
   * named as `SomeController.prototype.someContext` so that renaming it fails the build.
   */
  context?: FormContextMethod;
  /** Flash message shown after a successful submit. */
  flash?: string;
}

interface FormViewMeta extends FormViewOptions {
  template: string;
}

/** The template a form route renders again on bad input; undefined when the handler is no form route. */
export function formViewTemplate(handler: object): string | undefined {
  return (Reflect.getMetadata(FORM_VIEW_KEY, handler) as FormViewMeta | undefined)?.template;
}

/** Carries a form page to render again with its errors; the exception filter renders it. */
export class FormRender {
  constructor(
    readonly template: string,
    readonly context: FormContext,
  ) {}
}

/**
 * A form route's answer to a fetch (wantsJson): the handler's `json` with status 200 instead of the
 * redirect. Thrown, as FormRender is, because @Redirect would otherwise answer; the filter sends it.
 */
export class FormJson {
  constructor(readonly body: Record<string, unknown>) {}
}

/**
 * A form route. On success the handler returns `{ url }` and the browser is sent there
 * (post/redirect/get) with an optional flash message; on bad input the form template is rendered
 * again with status 400, the values typed, and a message next to each field. A fetch that asks for
 * JSON gets the handler's `{ json }` instead, and on bad input the filter's JSON 400 with the errors.
 */
export const FormView = (template: string, options: FormViewOptions = {}) =>
  applyDecorators(
    ownMethodOnly(options.context),
    SetMetadata(FORM_VIEW_KEY, { template, ...options }),
    Redirect(undefined, HttpStatus.SEE_OTHER),
    UseInterceptors(FormViewInterceptor),
  );

/**
 * The context is called with the controller as `this`: a method of another class would compile and
 * then fail on the first bad input, so it is refused when the class is loaded instead.
 */
function ownMethodOnly(context: FormContextMethod | undefined): MethodDecorator {
  return (target, key) => {
    if (context && (target as Record<string, unknown>)[context.name] !== context) {
      const owner = target.constructor.name;
      throw new Error(`@FormView on ${owner}.${String(key)}: context must be a method of ${owner}`);
    }
  };
}

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
      map((result: { url?: string; json?: Record<string, unknown> } | undefined) => {
        if (wantsJson(req)) throw new FormJson(result?.json ?? {});
        if (meta.flash) flash(req, 'success', meta.flash);
        return { url: result?.url ?? req.originalUrl, statusCode: HttpStatus.SEE_OTHER };
      }),
      catchError((error: unknown) => {
        if (!(error instanceof FormError) || wantsJson(req)) return throwError(() => error);
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
      const controller: unknown = this.moduleRef.get(context.getClass(), { strict: false });
      extra = await meta.context.call(controller, req);
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
