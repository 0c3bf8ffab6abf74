import {
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
import { PageQuery, pageWindow } from '../common/http/pagination';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { uploadsConfig, UploadsConfig } from '../config';
import { TempUpload, UploadedTemp } from '../files/file-upload';
import { JobRunsService, JobRunView } from '../jobs/job-runs.service';
import { ACTIVITY_READERS, ACTIVITY_WRITERS } from './activities.access';
import { writeAttendanceTemplate } from './attendance-file/attendance-template';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportStatus } from '../imports/entities/import-run.entity';
import { importState } from '../imports/import-state';
import { describeImportError } from '../imports/import-runs.service';
import { ImportUploadInterceptor } from '../imports/import-upload';
import { AttendanceImportsService } from './attendance-imports.service';
import { SessionsService } from './sessions.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Attendance sheets of a session: template, upload, live progress and the per-row error report. */
@ApiExcludeController()
@Controller('activities')
export class AttendanceImportsController {
  constructor(
    private readonly imports: AttendanceImportsService,
    private readonly sessions: SessionsService,
    private readonly jobRuns: JobRunsService,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  /** Declared before /activities/:id (this controller is registered first), so it is not taken for an id. */
  @Get('attendance-template.xlsx')
  @Roles(...ACTIVITY_WRITERS)
  async template(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', 'attachment; filename="mau-diem-danh.xlsx"');
    await writeAttendanceTemplate(res);
    res.end();
  }

  @Get(':id/imports')
  @Roles(...ACTIVITY_WRITERS)
  @Render('activities/imports')
  uploadPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.uploadContext(req);
  }

  /** Multipart: the upload interceptor checks the form's `_csrf` field once it has read the body. */
  @Post(':id/imports')
  @Roles(...ACTIVITY_WRITERS)
  @UseInterceptors(ImportUploadInterceptor)
  @FormView('activities/imports', {
    context: AttendanceImportsController.prototype.uploadContext,
    flash: 'activities.import.queued',
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const created = await this.imports.createFromUpload(actor, id, upload);
    return { url: `/activities/${id}/imports/${created.id}` };
  }

  @Get(':id/imports/:importId')
  @Roles(...ACTIVITY_READERS)
  @Render('activities/import')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('importId', ParseIntPipe) importId: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    const session = await this.sessions.get(actor, id);
    const imp = await this.imports.findInScope(actor, id, importId);
    const { page, size } = pageWindow(query);
    const errors = await this.imports.errorsPage(importId, page, size);
    const run = await this.run(actor, imp.jobRunId);
    const status = importState(imp, run);
    return {
      title: imp.originalName,
      session,
      imp,
      run,
      status,
      finished: status.finished,
      failed: status.state === ImportStatus.Failed,
      completed: status.state === ImportStatus.Completed,
      nothingNew: imp.status === ImportStatus.Completed && imp.createdCount === 0 && imp.unchangedCount > 0,
      errors: { ...errors, items: errors.items.map((e) => errorView(req, e)) },
      path: `/activities/${id}/imports/${importId}`,
      fileRetentionDays: this.uploads.importFileRetentionDays,
    };
  }

  @Get(':id/imports/:importId/errors/:format')
  @Roles(...ACTIVITY_READERS)
  async errorReport(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('importId', ParseIntPipe) importId: number,
    @Param('format') format: string,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isExportFormat(format)) throw new NotFoundException();
    const imp = await this.imports.findInScope(actor, id, importId);
    await sendTable(res, format, req.locale, {
      filename: `loi-nhap-diem-danh-${imp.id}`,
      sheet: translate(req.locale, 'roster.errors.title'),
      columns: [
        { header: 'roster.errors.row', value: (e: ImportRowError) => e.rowNumber, width: 8 },
        { header: 'roster.errors.column', value: (e) => e.columnName ?? '', width: 24 },
        { header: 'roster.errors.reason', value: (e) => describeImportError(req.locale, e), width: 70 },
      ],
      rows: this.imports.errors(imp.id),
    });
  }

  async uploadContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    const session = await this.sessions.getForWrite(actor, id);
    const { page, size } = pageWindow({ page: Number(req.query.page) || undefined });
    return {
      title: translate(req.locale, 'activities.import.title'),
      session,
      imports: await this.imports.page(actor, id, page, size),
      maxMb: Math.round(this.uploads.maxFileBytes / 1024 / 1024),
      path: `/activities/${id}/imports`,
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
