import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { translate } from '../../common/i18n/i18n';
import { AppRequest, safeReturnPath, wantsJson } from '../../common/http/request';
import { ConsentRequiredException } from './consent-gate';

export const CONSENT_PATH = '/privacy/consent';

/**
 * Pages go to the consent page (and come back afterwards); API clients get 403 with a message that
 * says what to do, in their language.
 */
@Catch(ConsentRequiredException)
export class ConsentRequiredFilter implements ExceptionFilter {
  catch(exception: ConsentRequiredException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<AppRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (wantsJson(req)) {
      res.status(403).json({
        statusCode: 403,
        error: 'consent_required',
        message: translate(req.locale ?? 'vi', 'privacy.consent.apiRequired'),
        noticeVersion: exception.noticeVersion,
        consentUrl: CONSENT_PATH,
      });
      return;
    }
    if (req.method === 'GET' && req.session) req.session.returnTo = safeReturnPath(req.originalUrl);
    res.redirect(303, CONSENT_PATH);
  }
}
