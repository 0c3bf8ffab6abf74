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
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { uploadsConfig, UploadsConfig } from '../config';
import { TempUpload, UploadedTemp } from '../files/file-upload';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportStatus } from '../imports/entities/import-run.entity';
import { describeImportError } from '../imports/import-runs.service';
import { importState } from '../imports/import-state';
import { ImportUploadInterceptor } from '../imports/import-upload';
import { writeSheetTemplate } from '../imports/spreadsheet/sheet-template';
import { JobRunsService, JobRunView } from '../jobs/job-runs.service';
import { HistoryImportsService } from './history-imports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Who may reach the history pages; which kinds each may import is the kind's own rule. */
const HISTORY_ROLES = [Role.FederationAdmin, Role.AssociationReviewer];
const WORKBOOK_TEMPLATE = 'mau-so-lich-su-2023-2025.xlsx';

/**
 * Bringing in 2023–2025 history from spreadsheets: the kinds, each with its template and upload
 * (a dry run), the runs, and a run's page with its row report and the button that applies it.
 */
@ApiExcludeController()
@Controller('history')
export class HistoryImportsController {
  constructor(
    private readonly history: HistoryImportsService,
    private readonly jobRuns: JobRunsService,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  @Get()
  @Roles(...HISTORY_ROLES)
  @Render('history/index')
  index(@Req() req: AppRequest) {
    return this.indexContext(req);
  }

  async indexContext(req: AppRequest) {
    const kinds = await this.history.kindsFor(req.user!);
    return {
      maxMb: Math.round(this.uploads.maxFileBytes / 1024 / 1024),
      title: translate(req.locale, 'history.title'),
      kinds: await Promise.all(
        kinds.map(async (k) => ({
          slug: k.slug,
          titleKey: k.titleKey,
          introKey: k.introKey,
          latest: (await this.history.page(k, 1, 3)).items,
        })),
      ),
    };
  }

  /** The whole history workbook: one sheet per kind the actor may import, and a help sheet. */
  @Get('workbook.xlsx')
  @Roles(...HISTORY_ROLES)
  async workbookTemplate(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const kinds = await this.history.kindsFor(actor);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${WORKBOOK_TEMPLATE}"`);
    await writeSheetTemplate(res, ...kinds.map((k) => k.template));
    res.end();
  }

  /** The workbook: each sheet whose header a kind recognises becomes that kind's dry run. */
  @Post()
  @Roles(...HISTORY_ROLES)
  @UseInterceptors(ImportUploadInterceptor)
  @FormView('history/index', { context: HistoryImportsController.prototype.indexContext })
  async uploadWorkbook(
    @CurrentActor() actor: Actor,
    @UploadedTemp() upload: TempUpload | undefined,
    @Req() req: AppRequest,
  ) {
    const runs = await this.history.dryRunWorkbook(actor, upload);
    flash(req, 'success', 'history.workbook.queued', { count: runs.length });
    return { url: runs.length === 1 ? `/history/runs/${runs[0].id}` : '/history' };
  }

  // Registered before ':slug/…' so that "runs" is never read as a kind.
  @Get('runs/:id')
  @Roles(...HISTORY_ROLES)
  @Render('history/run')
  async run(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) importId: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    return this.runContext(actor, importId, query, req);
  }

  @Post('runs/:id/apply')
  @Roles(...HISTORY_ROLES)
  @FormView('history/run', { context: HistoryImportsController.prototype.applyContext })
  async apply(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) importId: number) {
    const applied = await this.history.apply(actor, importId);
    return { url: `/history/runs/${applied.id}` };
  }

  @Get('runs/:id/errors/:format')
  @Roles(...HISTORY_ROLES)
  async errorReport(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) importId: number,
    @Param('format') format: string,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isExportFormat(format)) throw new NotFoundException();
    const { run } = await this.history.find(actor, importId);
    await sendTable(res, format, req.locale, {
      filename: `loi-nhap-lich-su-${run.id}`,
      sheet: translate(req.locale, 'roster.errors.title'),
      columns: [
        { header: 'roster.errors.row', value: (e: ImportRowError) => e.rowNumber, width: 8 },
        { header: 'roster.errors.column', value: (e) => e.columnName ?? '', width: 24 },
        { header: 'roster.errors.reason', value: (e) => describeImportError(req.locale, e), width: 70 },
      ],
      rows: this.history.errors(run.id),
    });
  }

  @Get(':slug/template.xlsx')
  @Roles(...HISTORY_ROLES)
  async template(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Res() res: Response,
  ): Promise<void> {
    const kind = await this.history.kindFor(actor, slug);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${kind.templateName}"`);
    await writeSheetTemplate(res, kind.template);
    res.end();
  }

  @Get(':slug')
  @Roles(...HISTORY_ROLES)
  @Render('history/kind')
  kindPage(@Req() req: AppRequest) {
    return this.kindContext(req);
  }

  /** Multipart: the upload interceptor checks the form's `_csrf` field once it has read the body. */
  @Post(':slug')
  @Roles(...HISTORY_ROLES)
  @UseInterceptors(ImportUploadInterceptor)
  @FormView('history/kind', {
    context: HistoryImportsController.prototype.kindContext,
    flash: 'history.queued',
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const created = await this.history.dryRun(actor, slug, upload);
    return { url: `/history/runs/${created.id}` };
  }

  async kindContext(req: AppRequest) {
    const actor = req.user!;
    const kind = await this.history.kindFor(actor, String(req.params.slug));
    const { page, size } = pageWindow({ page: Number(req.query.page) || undefined });
    return {
      title: translate(req.locale, kind.titleKey),
      kind: { slug: kind.slug, titleKey: kind.titleKey, introKey: kind.introKey },
      imports: await this.history.page(kind, page, size),
      maxMb: Math.round(this.uploads.maxFileBytes / 1024 / 1024),
      path: `/history/${kind.slug}`,
    };
  }

  async applyContext(req: AppRequest) {
    return this.runContext(req.user!, Number(req.params.id), {}, req);
  }

  private async runContext(actor: Actor, importId: number, query: PageQuery, req: AppRequest) {
    const { run: imp, kind } = await this.history.find(actor, importId);
    const { page, size } = pageWindow(query);
    const errors = await this.history.errorsPage(imp.id, page, size);
    const job = await this.jobRun(actor, imp.jobRunId);
    const status = importState(imp, job);
    const appliedBy = await this.history.appliedBy(imp);
    const completed = status.state === ImportStatus.Completed;
    return {
      title: imp.originalName,
      imp,
      kind: { slug: kind.slug, titleKey: kind.titleKey },
      run: job,
      status,
      finished: status.finished,
      failed: status.state === ImportStatus.Failed,
      completed,
      appliedBy,
      canApply: imp.dryRun && completed && !appliedBy && !imp.fileDeletedAt,
      errors: {
        ...errors,
        items: errors.items.map((e) => ({
          rowNumber: e.rowNumber,
          columnName: e.columnName,
          message: describeImportError(req.locale, e),
        })),
      },
      path: `/history/runs/${imp.id}`,
      fileRetentionDays: this.uploads.importFileRetentionDays,
    };
  }

  /** The job's progress, for whoever may watch it (the uploader, the admins); others see the status only. */
  private async jobRun(actor: Actor, jobRunId: number | null): Promise<JobRunView | null> {
    if (!jobRunId) return null;
    return this.jobRuns.getForActor(actor, jobRunId).catch(() => null);
  }
}
