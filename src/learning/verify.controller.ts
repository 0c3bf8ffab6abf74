import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access/access.decorators';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { CertificatesService } from './certificates.service';
import { domainLabels } from './learning.presenters';
import { formatHours } from '../common/views/view-helpers';

/** The public page a certificate's QR code opens: is this certificate genuine? */
@ApiExcludeController()
@Controller('verify')
export class VerifyController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('courses/:code')
  @Public()
  async course(@Param('code') code: string, @Req() req: AppRequest, @Res() res: Response): Promise<void> {
    // Nobody but the holder needs these pages in a search engine or a shared cache.
    res.setHeader('X-Robots-Tag', 'noindex');
    try {
      const verification = await this.certificates.verify(code);
      res.render('learning/verify', {
        title: translate(req.locale, 'learning.verify.title'),
        ...verification,
        domainLabels: domainLabels(req.locale, verification.domains),
        hoursText: formatHours(verification.hours, req.locale),
      });
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      res.status(404).render('learning/verify-missing', {
        title: translate(req.locale, 'learning.verify.title'),
        code: code.slice(0, 40),
      });
    }
  }
}
