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
import { Role } from '../common/access/roles';
import { isExportFormat, sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { PageQuery, pageWindow } from '../common/http/pagination';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { uploadsConfig, UploadsConfig } from '../config';
import { TempUpload, UploadedTemp } from '../files/file-upload';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportStatus } from '../imports/entities/import-run.entity';
import { describeImportError } from '../imports/import-runs.service';
import { importState } from '../imports/import-state';
import { ImportUploadInterceptor } from '../imports/import-upload';
import { JobRunsService, JobRunView } from '../jobs/job-runs.service';
import { writeEnterpriseTemplate } from './enterprise-file/enterprise-template';
import { EnterpriseImportsService } from './enterprise-imports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PATH = '/organisations/enterprises/imports';

/**
 * The enterprises register from a sheet: template, upload, live progress and the per-row error
 * report. Registered before EnterprisesController, so "imports" is not taken for an enterprise id.
 */
@ApiExcludeController()
@Controller('organisations/enterprises/imports')
export class EnterpriseImportsController {
  constructor(
    private readonly imports: EnterpriseImportsService,
    private readonly jobRuns: JobRunsService,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  @Get('template.xlsx')
  @Roles(Role.FederationAdmin)
  async template(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', 'attachment; filename="mau-doanh-nghiep.xlsx"');
    await writeEnterpriseTemplate(res);
    res.end();
  }

  @Get()
  @Roles(Role.FederationAdmin)
  @Render('organisations/enterprises/imports')
  uploadPage(@Req() req: AppRequest) {
    return this.uploadContext(req);
  }

  /** Multipart: the upload interceptor checks the form's `_csrf` field once it has read the body. */
  @Post()
  @Roles(Role.FederationAdmin)
  @UseInterceptors(ImportUploadInterceptor)
  @FormView('organisations/enterprises/imports', {
    context: EnterpriseImportsController.prototype.uploadContext,
    flash: 'org.import.queued',
  })
  async upload(@CurrentActor() actor: Actor, @UploadedTemp() upload: TempUpload | undefined) {
    const created = await this.imports.createFromUpload(actor, upload);
    return { url: `${PATH}/${created.id}` };
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  @Render('organisations/enterprises/import')
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) importId: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    const imp = await this.imports.find(importId);
    const { page, size } = pageWindow(query);
    const errors = await this.imports.errorsPage(importId, page, size);
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
      nothingNew:
        imp.status === ImportStatus.Completed &&
        imp.createdCount + imp.updatedCount === 0 &&
        imp.unchangedCount > 0,
      errors: {
        ...errors,
        items: errors.items.map((e) => ({
          rowNumber: e.rowNumber,
          columnName: e.columnName,
          message: describeImportError(req.locale, e),
        })),
      },
      path: `${PATH}/${importId}`,
      fileRetentionDays: this.uploads.importFileRetentionDays,
    };
  }

  @Get(':id/errors/:format')
  @Roles(Role.FederationAdmin)
  async errorReport(
    @Param('id', ParseIntPipe) importId: number,
    @Param('format') format: string,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isExportFormat(format)) throw new NotFoundException();
    const imp = await this.imports.find(importId);
    await sendTable(res, format, req.locale, {
      filename: `loi-nhap-doanh-nghiep-${imp.id}`,
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
    const { page, size } = pageWindow({ page: Number(req.query.page) || undefined });
    return {
      title: translate(req.locale, 'org.import.title'),
      imports: await this.imports.page(page, size),
      maxMb: Math.round(this.uploads.maxFileBytes / 1024 / 1024),
      path: PATH,
    };
  }

  /** The job's progress, for whoever may watch it (the uploader, the admins); others see the status only. */
  private async run(actor: Actor, jobRunId: number | null): Promise<JobRunView | null> {
    if (!jobRunId) return null;
    return this.jobRuns.getForActor(actor, jobRunId).catch(() => null);
  }
}
