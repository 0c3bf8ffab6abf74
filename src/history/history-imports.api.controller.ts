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
import { HistoryImportsService } from './history-imports.service';

/**
 * History imports for integrations: upload a sheet of one kind (titles, trainings, results) as a
 * dry run, read its per-row report, then apply it.
 */
@ApiTags('history')
@ApiBearerAuth()
@Controller('api/v1/history-imports')
export class HistoryImportsApiController {
  constructor(
    private readonly history: HistoryImportsService,
    private readonly jobRuns: JobRunsService,
  ) {}

  @Post(':kind')
  @HttpCode(202)
  @Roles(Role.FederationAdmin, Role.AssociationReviewer)
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
            'XLSX or UTF-8 CSV in the layout of /history/{kind}/template.xlsx; kind is titles, trainings or results',
        },
      },
    },
  })
  @ApiOperation({
    summary: 'Upload a history sheet; it is checked as a dry run (nothing is saved) in the background',
  })
  async dryRun(
    @CurrentActor() actor: Actor,
    @Param('kind') kind: string,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    return view(await this.history.dryRun(actor, kind, upload));
  }

  @Post('runs/:id/apply')
  @HttpCode(202)
  @Roles(Role.FederationAdmin, Role.AssociationReviewer)
  @ApiOperation({
    summary:
      'Apply a completed dry run: its file is imported for real (asked again: the run that applies it)',
  })
  async apply(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return view(await this.history.apply(actor, id));
  }

  @Get('runs/:id')
  @Roles(Role.FederationAdmin, Role.AssociationReviewer)
  @ApiOperation({
    summary: 'Status, progress and counts of a dry run or an applying run, with its per-row report (?page=)',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    const { run, kind } = await this.history.find(actor, id);
    const job = run.jobRunId ? await this.jobRuns.getForActor(actor, run.jobRunId).catch(() => null) : null;
    const { page, size } = pageWindow(query);
    const errors = await this.history.errorsPage(run.id, page, size);
    const appliedBy = await this.history.appliedBy(run);
    return {
      ...view(run),
      kind: kind.slug,
      progress: job?.progress ?? null,
      appliedById: appliedBy?.id ?? null,
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

function view(run: ImportRun) {
  return {
    id: run.id,
    fileName: run.originalName,
    jobRunId: run.jobRunId,
    dryRun: run.dryRun,
    previewOfId: run.previewOfId,
    status: run.status,
    rows: run.totalRows,
    created: run.createdCount,
    updated: run.updatedCount,
    unchanged: run.unchangedCount,
    errors: run.errorCount,
    createdAt: run.createdAt,
  };
}
