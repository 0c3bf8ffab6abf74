import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access/access.decorators';
import { FormError } from '../common/errors/form-error';
import { ACCESS_LOG_READERS } from './privacy-admin.controller';
import { AccessLogQuery } from './dto/privacy.dto';
import { PrivacyAdminService, WorkerAccessReport } from './privacy-admin.service';

/** The CCCD access log for audits and integrations (federation and system admins). */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/v1/privacy')
export class PrivacyApiController {
  constructor(private readonly admin: PrivacyAdminService) {}

  @Get('access-log')
  @Roles(...ACCESS_LOG_READERS)
  @ApiOperation({ summary: "Who saw a worker's full CCCD between two dates (inclusive, Vietnam days)" })
  async accessLog(@Query() query: AccessLogQuery): Promise<WorkerAccessReport> {
    if (query.workerId === undefined) throw FormError.field('workerId', 'validation.required');
    return this.admin.byWorkerId(query.workerId, query, query);
  }
}
