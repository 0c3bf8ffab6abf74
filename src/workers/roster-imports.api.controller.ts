import {
  Body,
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
import { PageQuery, pageWindow } from '../common/http/pagination';
import { AppRequest } from '../common/http/request';
import { JobRunsService } from '../jobs/job-runs.service';
import { UploadRosterDto } from './dto/worker.dto';
import { TempUpload, UploadedTemp } from '../files/file-upload';
import { ImportRun } from '../imports/entities/import-run.entity';
import { describeImportError } from '../imports/import-runs.service';
import { ImportUploadInterceptor } from '../imports/import-upload';
import { RosterImportsService } from './roster-imports.service';
import { WORKER_MANAGERS } from './workers.access';

/** Roster imports for integrations: upload a file, then poll its status and errors. */
@ApiTags('workers')
@ApiBearerAuth()
@Controller('api/v1/roster-imports')
export class RosterImportsApiController {
  constructor(
    private readonly imports: RosterImportsService,
    private readonly jobRuns: JobRunsService,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(...WORKER_MANAGERS)
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
          description: 'XLSX or UTF-8 CSV (see /workers/imports/template.xlsx)',
        },
        enterpriseId: { type: 'integer', description: 'Optional for an officer of a single enterprise' },
      },
    },
  })
  @ApiOperation({ summary: 'Upload a roster; it is imported in the background' })
  async upload(
    @CurrentActor() actor: Actor,
    @Body() dto: UploadRosterDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const created = await this.imports.createFromUpload(actor, dto.enterpriseId, upload);
    return view(created);
  }

  @Get(':id')
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'Status, progress and counts of an import' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const imp = await this.imports.findInScope(actor, id);
    const run = imp.jobRunId ? await this.jobRuns.getForActor(actor, imp.jobRunId).catch(() => null) : null;
    return { ...view(imp), enterpriseName: imp.enterpriseName, progress: run?.progress ?? null };
  }

  @Get(':id/errors')
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'The per-row error report, a page at a time, in the caller’s language' })
  async errors(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    const imp = await this.imports.findInScope(actor, id);
    const { page, size } = pageWindow(query);
    const errors = await this.imports.errorsPage(imp.id, page, size);
    return {
      ...errors,
      items: errors.items.map((e) => ({
        row: e.rowNumber,
        column: e.columnName,
        code: e.messageKey,
        message: describeImportError(req.locale, e),
      })),
    };
  }
}

function view(imp: ImportRun) {
  return {
    id: imp.id,
    enterpriseId: imp.targetId,
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
