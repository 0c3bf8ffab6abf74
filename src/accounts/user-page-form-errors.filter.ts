import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Response } from 'express';
import { FormError } from '../common/errors/form-error';
import { AppRequest } from '../common/http/request';
import { translateRef } from '../common/i18n/i18n';
import { UsersAdminController } from './users-admin.controller';

/**
 * Bad input on a form of the user's page whose success renders a page of its own (so @FormView,
 * which redirects, does not fit): the user's page is shown again with the messages, status 400.
 * Catches the ValidationPipe's refusals as well as the service's.
 */
@Catch(FormError)
@Injectable()
export class UserPageFormErrors implements ExceptionFilter {
  constructor(private readonly moduleRef: ModuleRef) {}

  async catch(error: FormError, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<AppRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const errors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, ref]) => [field, translateRef(req.locale, ref)]),
    );
    const values = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([key]) => key !== '_csrf'),
    );
    const form = { values, errors, message: translateRef(req.locale, error.formMessage), submitted: true };
    try {
      const page = await this.moduleRef.get(UsersAdminController, { strict: false }).userPage(req);
      res.status(400).render('users/show', { ...page, form });
    } catch {
      res
        .status(400)
        .render('errors/error', { status: 400, messageKey: 'error.400', errors: Object.values(errors) });
    }
  }
}
