import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { isExportFormat, sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { translate } from '../common/i18n/i18n';
import { PageQuery, pageWindow } from '../common/http/pagination';
import { AppRequest } from '../common/http/request';
import { formatDate } from '../common/views/view-helpers';
import { uploadsConfig, UploadsConfig } from '../config';
import { JobRunsService, JobRunView } from '../jobs/job-runs.service';
import { UploadRosterDto } from './dto/worker.dto';
import { TempUpload, UploadedTemp } from '../files/file-upload';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportStatus } from '../imports/entities/import-run.entity';
import { importState } from '../imports/import-state';
import { describeImportError } from '../imports/import-runs.service';
import { ImportUploadInterceptor } from '../imports/import-upload';
import { RosterImportsService } from './roster-imports.service';
import { writeRosterTemplate } from './roster/roster-template';
import { WorkerAccountsService } from './worker-accounts.service';
import { WORKER_MANAGERS } from './workers.access';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Roster imports: upload, live progress, the per-row error report, printable activation codes. */
@ApiExcludeController()
@Controller('workers/imports')
export class RosterImportsController {
  constructor(
    private readonly imports: RosterImportsService,
    private readonly accounts: WorkerAccountsService,
    private readonly jobRuns: JobRunsService,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  @Get()
  @Roles(...WORKER_MANAGERS)
  @Render('workers/imports')
  async list(@Req() req: AppRequest) {
    return this.uploadContext(req);
  }

  @Get('template.xlsx')
  @Roles(...WORKER_MANAGERS)
  async template(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', 'attachment; filename="mau-danh-sach-nguoi-lao-dong.xlsx"');
    await writeRosterTemplate(res);
    res.end();
  }

  /** Multipart: the upload interceptor checks the form's `_csrf` field once it has read the body. */
  @Post()
  @Roles(...WORKER_MANAGERS)
  @UseInterceptors(ImportUploadInterceptor)
  @FormView('workers/imports', {
    context: RosterImportsController.prototype.uploadContext,
    flash: 'roster.queued',
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Body() dto: UploadRosterDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const created = await this.imports.createFromUpload(actor, dto.enterpriseId, upload);
    return { url: `/workers/imports/${created.id}` };
  }

  @Get(':id')
  @Roles(...WORKER_MANAGERS)
  @Render('workers/import')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    const imp = await this.imports.findInScope(actor, id);
    const { page, size } = pageWindow(query);
    const errors = await this.imports.errorsPage(id, page, size);
    const run = await this.run(actor, imp.jobRunId);
    const status = importState(imp, run);
    return {
      title: imp.originalName,
      imp,
      run,
      status,
      finished: status.finished,
      failed: status.state === ImportStatus.Failed,
      completed: status.state === ImportStatus.Completed,
      errors: { ...errors, items: errors.items.map((e) => errorView(req, e)) },
      saved: imp.createdCount + imp.updatedCount + imp.unchangedCount,
      fileRetentionDays: this.uploads.importFileRetentionDays,
    };
  }

  @Get(':id/errors/:format')
  @Roles(...WORKER_MANAGERS)
  async errorReport(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('format') format: string,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isExportFormat(format)) throw new NotFoundException();
    const imp = await this.imports.findInScope(actor, id);
    await sendTable(res, format, req.locale, {
      filename: `loi-nhap-danh-sach-${imp.id}`,
      sheet: translate(req.locale, 'roster.errors.title'),
      columns: [
        { header: 'roster.errors.row', value: (e: ImportRowError) => e.rowNumber, width: 8 },
        { header: 'roster.errors.column', value: (e) => e.columnName ?? '', width: 24 },
        { header: 'roster.errors.reason', value: (e) => describeImportError(req.locale, e), width: 60 },
      ],
      rows: this.imports.errors(imp.id),
    });
  }

  /** Issues codes for the import's workers without an active login and sends them as a sheet to print. */
  @Post(':id/activation-codes')
  @Roles(...WORKER_MANAGERS)
  async activationCodes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const codes = await this.accounts.prepareImportCodes(actor, id);
    res.status(200).setHeader('Cache-Control', 'no-store');
    await sendTable(res, 'xlsx', req.locale, {
      filename: `ma-kich-hoat-${id}`,
      sheet: translate(req.locale, 'workers.code.sheet'),
      columns: [
        { header: 'workers.field.fullName', value: (c) => c.fullName, width: 28 },
        { header: 'workers.field.employeeCode', value: (c) => c.employeeCode ?? '' },
        { header: 'workers.code.username', value: (c) => c.username },
        { header: 'workers.code.code', value: (c) => c.code, width: 14 },
        { header: 'workers.code.expires', value: (c) => formatDate(c.expiresAt) },
      ],
      rows: codes,
    });
  }

  async uploadContext(req: AppRequest) {
    const actor = req.user!;
    const { page, size } = pageWindow({ page: Number(req.query.page) || undefined });
    const [targets, imports] = await Promise.all([
      this.imports.targets(actor),
      this.imports.page(actor, page, size),
    ]);
    return {
      title: translate(req.locale, 'roster.title'),
      enterprises: targets.map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` })),
      singleEnterprise: targets.length === 1 ? targets[0] : null,
      imports,
      maxMb: Math.round(this.uploads.maxFileBytes / 1024 / 1024),
    };
  }

  /** The job's progress, for whoever may watch it (the uploader, the admins); others see the status only. */
  private async run(actor: Actor, jobRunId: number | null): Promise<JobRunView | null> {
    if (!jobRunId) return null;
    return this.jobRuns.getForActor(actor, jobRunId).catch(() => null);
  }
}

function errorView(req: AppRequest, e: ImportRowError) {
  return {
    rowNumber: e.rowNumber,
    columnName: e.columnName,
    message: describeImportError(req.locale, e),
  };
}
