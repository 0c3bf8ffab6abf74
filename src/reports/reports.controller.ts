import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { isExportFormat, sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { formatDate } from '../common/views/view-helpers';
import { ReportListQuery, ReportNarrativeDto, ReportQuery } from './dto/report.dto';
import { renderReportPdf } from './report-pdf';
import {
  deadlineLabel,
  deadlineTone,
  figureColumns,
  reportFilename,
  reportPage,
  reportPath,
  sectionSheets,
  versionStatusLabel,
} from './reports.presenters';
import { ReportDocument, REPORT_ROLES, ReportList, ReportsService } from './reports.service';
import { screenTable, TableColumn } from '../indicators/dashboard/dashboard.presenters';

type ListRow = ReportList['rows'][number];

function listColumns(locale: Locale): TableColumn<ListRow>[] {
  return [
    {
      header: 'reports.col.body',
      kind: 'text',
      value: (r) => r.body.name,
      href: (r) => reportPath(r.body.id, Number(r.due.slice(0, 4))),
      width: 40,
    },
    {
      header: 'reports.col.kind',
      kind: 'text',
      value: (r) => translate(locale, `bodyKind.${r.body.kind}`),
      width: 24,
    },
    { header: 'reports.col.due', kind: 'text', value: (r) => formatDate(r.due) },
    {
      header: 'reports.col.state',
      kind: 'text',
      value: (r) => deadlineLabel(locale, r.deadline.state, r.deadline.late),
      width: 20,
    },
    {
      header: 'reports.col.version',
      kind: 'text',
      value: (r) => (r.latest ? `${r.latest.version} — ${versionStatusLabel(locale, r.latest.status)}` : ''),
      width: 20,
    },
    {
      header: 'reports.col.submittedOn',
      kind: 'text',
      value: (r) => formatDate(r.valid?.submittedAt ?? null),
    },
  ];
}

/**
 * Annual reports as pages: who has submitted for a year, a body's report form (save a draft,
 * submit, correct), its versions, and its exports (XLSX, CSV, PDF) with the numbers of the page.
 */
@ApiExcludeController()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Roles(...REPORT_ROLES)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ReportListQuery & { format?: string },
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const list = await this.reports.list(actor, query.plan, query.year);
    const columns = listColumns(req.locale);
    if (isExportFormat(req.query.format)) {
      return sendTable(res, req.query.format, req.locale, {
        filename: `bao-cao-nam-${list.year}`,
        sheet: translate(req.locale, 'nav.reports'),
        columns,
        rows: list.rows,
      });
    }
    const reporting = list.rows.filter((r) => r.body.kind !== 'FEDERATION');
    const base = `/reports?plan=${list.plan.id}&year=${list.year}`;
    res.render('reports/list', {
      title: translate(req.locale, 'nav.reports'),
      plans: list.plans.map((p) => ({ value: p.id, label: p.code, selected: p.id === list.plan.id })),
      years: list.years.map((y) => ({ value: y, selected: y === list.year })),
      year: list.year,
      table: screenTable(req.locale, columns, list.rows),
      badges: list.rows.map((r) => ({ tone: deadlineTone(r.deadline.state) })),
      submitted: reporting.filter((r) => r.deadline.state === 'SUBMITTED').length,
      total: reporting.length,
      pending: reporting.filter((r) => r.deadline.state !== 'SUBMITTED').map((r) => r.body.name),
      pendingNames: reporting
        .filter((r) => r.deadline.state !== 'SUBMITTED')
        .map((r) => r.body.name)
        .join('; '),
      exports: { xlsx: `${base}&format=xlsx`, csv: `${base}&format=csv` },
    });
  }

  @Get('bodies/:bodyId/years/:year')
  @Roles(...REPORT_ROLES)
  async show(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
    @Query() query: ReportQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.reports.document(actor, bodyId, year, query.version);
    if (query.format === 'pdf') {
      const pdf = await renderReportPdf(req.locale, reportPdf(req.locale, doc));
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${reportFilename(doc)}.pdf"`);
      res.end(pdf);
      return;
    }
    if (query.format) {
      return sendTable(
        res,
        query.format,
        req.locale,
        {
          filename: reportFilename(doc),
          sheet: translate(req.locale, 'reports.sheet', { year }),
          columns: figureColumns(req.locale),
          rows: doc.figures,
        },
        sectionSheets(req.locale, doc.sections),
      );
    }
    res.render('reports/report', reportPage(req.locale, doc));
  }

  @Post('bodies/:bodyId/years/:year/draft')
  @Roles(...REPORT_ROLES)
  @FormView('reports/report', {
    context: ReportsController.prototype.formContext,
    flash: 'reports.flash.saved',
  })
  async saveDraft(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ReportNarrativeDto,
  ) {
    await this.reports.saveDraft(actor, bodyId, year, dto);
    return { url: reportPath(bodyId, year) };
  }

  @Post('bodies/:bodyId/years/:year/submit')
  @Roles(...REPORT_ROLES)
  @FormView('reports/report', {
    context: ReportsController.prototype.formContext,
    flash: 'reports.flash.submitted',
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ReportNarrativeDto,
  ) {
    await this.reports.submit(actor, bodyId, year, dto);
    return { url: reportPath(bodyId, year) };
  }

  @Post('bodies/:bodyId/years/:year/correct')
  @Roles(...REPORT_ROLES)
  @FormView('reports/report', {
    context: ReportsController.prototype.formContext,
    flash: 'reports.flash.corrected',
  })
  async correct(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
  ) {
    await this.reports.correct(actor, bodyId, year);
    return { url: reportPath(bodyId, year) };
  }

  /** The report page again, for a form that comes back with errors. */
  async formContext(req: AppRequest) {
    const doc = await this.reports.document(req.user!, Number(req.params.bodyId), Number(req.params.year));
    return reportPage(req.locale, doc);
  }
}

/** The PDF of a report: the page's figures table, the narrative and, for the province, who has not submitted. */
export function reportPdf(locale: Locale, doc: ReportDocument) {
  const page = reportPage(locale, doc);
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  return {
    title: t('reports.pdf.title', { year: doc.year }),
    subtitle: [
      doc.body.name,
      `${t('reports.versionLine', { version: page.doc.version, status: page.doc.versionStatus })}${
        page.doc.submittedAt ? ` — ${t('reports.submittedAt', { time: page.doc.submittedAt })}` : ''
      }`,
      page.doc.asOf ? t('reports.figuresAsOf', { date: page.doc.asOf }) : t('reports.noFigures'),
    ],
    sections: [
      { heading: t('reports.figures'), table: page.figuresTable },
      ...(page.pending
        ? [
            {
              heading: t('reports.pending.title'),
              items: page.pending.length
                ? page.pending.map((p) => `${p.name} (${p.kind}; ${t('reports.col.due')}: ${p.due})`)
                : [t('reports.pending.none')],
            },
          ]
        : []),
      ...page.sections.flatMap((section) =>
        section.tables.map((table, i) => ({
          heading: i === 0 ? section.title : table.caption,
          paragraphs: i === 0 && section.note ? [section.note] : [],
          table: table.table,
        })),
      ),
      { heading: t('reports.field.activities'), paragraphs: [page.doc.activities] },
      { heading: t('reports.field.difficulties'), paragraphs: [page.doc.difficulties] },
      { heading: t('reports.field.proposals'), paragraphs: [page.doc.proposals] },
    ],
  };
}
