import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import {
  ApiExcludeController,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/access/access.decorators';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { CitizenCertificatesService, CitizenVerification } from './citizen-certificates.service';

/** The public page a title certificate's QR code opens: is this title genuine, and still valid? */
@ApiExcludeController()
@Controller('verify')
export class CitizenVerifyController {
  constructor(private readonly certificates: CitizenCertificatesService) {}

  @Get('citizens/:code')
  @Public()
  async citizen(@Param('code') code: string, @Req() req: AppRequest, @Res() res: Response): Promise<void> {
    // Nobody but the holder needs these pages in a search engine or a shared cache.
    res.setHeader('X-Robots-Tag', 'noindex');
    res.setHeader('Cache-Control', 'no-store');
    try {
      const verification = await this.certificates.verify(code);
      res.render('citizenship/review/verify', {
        ...verification,
        titleName: verification.title,
        title: translate(req.locale, 'review.verify.title'),
        isValid: verification.status === 'VALID',
        isRevoked: verification.status === 'REVOKED',
        isExpired: verification.status === 'EXPIRED',
      });
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      res.status(404).render('citizenship/review/verify-missing', {
        title: translate(req.locale, 'review.verify.title'),
        code: code.slice(0, 40),
      });
    }
  }
}

/** Employers' systems check a learning-citizen title by the code of its QR link, without signing in. */
@ApiTags('citizenship')
@Controller('api/v1/verify')
export class CitizenVerifyApiController {
  constructor(private readonly certificates: CitizenCertificatesService) {}

  @Get('citizens/:code')
  @Public()
  @ApiOperation({
    summary: 'Check a "Công dân học tập" title: status VALID, REVOKED or EXPIRED, year, issuer',
  })
  @ApiOkResponse({
    description: 'The title; the holder’s name is partly masked and nothing else personal is given',
  })
  @ApiNotFoundResponse({ description: 'No title has this code' })
  citizen(@Param('code') code: string): Promise<CitizenVerification> {
    return this.certificates.verify(code);
  }
}
