import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { PageQuery, pageWindow } from '../common/http/pagination';
import { AppRequest } from '../common/http/request';
import { TempUpload, UploadedTemp } from '../files/file-upload';
import { ImportRun } from '../imports/entities/import-run.entity';
import { describeImportError } from '../imports/import-runs.service';
import { ImportUploadInterceptor } from '../imports/import-upload';
import { JobRunsService } from '../jobs/job-runs.service';
import { EnterpriseImportsService } from './enterprise-imports.service';

/** The enterprises register from a sheet, for integrations: upload a file, then poll its run and errors. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/v1/organisations/enterprise-imports')
export class EnterpriseImportsApiController {
  constructor(
    private readonly imports: EnterpriseImportsService,
    private readonly jobRuns: JobRunsService,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(Role.FederationAdmin)
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description:
            'XLSX or UTF-8 CSV (see /organisations/enterprises/imports/template.xlsx); rows are upserted by tax code',
        },
      },
    },
  })
  @ApiOperation({ summary: 'Upload a sheet of enterprises; it is imported in the background' })
  async upload(@CurrentActor() actor: Actor, @UploadedTemp() upload: TempUpload | undefined) {
    return view(await this.imports.createFromUpload(actor, upload));
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  @ApiOperation({
    summary: 'Status, progress and counts of an import, with its per-row errors a page at a time (?page=)',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    const imp = await this.imports.find(id);
    const run = imp.jobRunId ? await this.jobRuns.getForActor(actor, imp.jobRunId).catch(() => null) : null;
    const { page, size } = pageWindow(query);
    const errors = await this.imports.errorsPage(imp.id, page, size);
    return {
      ...view(imp),
      progress: run?.progress ?? null,
      errorList: {
        ...errors,
        items: errors.items.map((e) => ({
          row: e.rowNumber,
          column: e.columnName,
          code: e.messageKey,
          message: describeImportError(req.locale, e),
        })),
      },
    };
  }
}

function view(imp: ImportRun) {
  return {
    id: imp.id,
    fileName: imp.originalName,
    status: imp.status,
    jobRunId: imp.jobRunId,
    rows: imp.totalRows,
    created: imp.createdCount,
    updated: imp.updatedCount,
    unchanged: imp.unchangedCount,
    errors: imp.errorCount,
    createdAt: imp.createdAt,
  };
}
