import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';
import { CertificatesService, CertificateVerification } from './certificates.service';

/** Employers' systems check a course certificate by its code, without signing in. */
@ApiTags('learning')
@Controller('api/v1/verify')
export class VerifyApiController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('courses/:code')
  @Public()
  @ApiOperation({ summary: 'Check a course certificate: valid, with course, institution, date, hours' })
  @ApiOkResponse({ description: 'The certificate is valid; the holder’s name is partly masked' })
  @ApiNotFoundResponse({ description: 'No certificate has this code' })
  course(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }
}
