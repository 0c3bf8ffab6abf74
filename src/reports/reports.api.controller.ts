import { translate } from '../common/i18n/i18n';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { indicatorPercent, INDICATOR_CODES } from '../indicators/dashboard/indicator-figures';
import { ReportListQuery, ReportNarrativeDto, ReportQuery } from './dto/report.dto';
import { AnnualReport, ReportFigure } from './entities/annual-report.entity';
import { ReportDocument, REPORT_ROLES, ReportsService } from './reports.service';

/** Annual reports as JSON: who has submitted, a body's report, and the draft → submit → correct steps. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsApiController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'Reporting bodies of a plan and year that the caller may read, with deadline and status',
  })
  async list(@CurrentActor() actor: Actor, @Query() query: ReportListQuery) {
    const list = await this.reports.list(actor, query.plan, query.year);
    return {
      planId: list.plan.id,
      year: list.year,
      items: list.rows.map((r) => ({
        bodyId: r.body.id,
        name: r.body.name,
        kind: r.body.kind,
        dueDate: r.due,
        state: r.deadline.state,
        late: r.deadline.late,
        latestVersion: r.latest ? { version: r.latest.version, status: r.latest.status } : null,
        submittedAt: r.valid?.submittedAt ?? null,
        canEdit: r.access.write,
      })),
    };
  }

  @Get('bodies/:bodyId/years/:year')
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'A body’s report for a year: the latest version (or ?version=N), its figures and narrative',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
    @Query() query: ReportQuery,
  ) {
    return documentView(await this.reports.document(actor, bodyId, year, query.version));
  }

  @Put('bodies/:bodyId/years/:year/draft')
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'Saves the narrative of the draft (creates version 1 when there is none); 400 once submitted',
  })
  async saveDraft(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ReportNarrativeDto,
  ) {
    return reportView(await this.reports.saveDraft(actor, bodyId, year, dto));
  }

  @Post('bodies/:bodyId/years/:year/submit')
  @HttpCode(200)
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary:
      'Submits the draft: its figures are frozen from the latest snapshot; a previous version is superseded',
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ReportNarrativeDto,
  ) {
    return reportView(await this.reports.submit(actor, bodyId, year, dto));
  }

  @Post('bodies/:bodyId/years/:year/corrections')
  @Roles(...REPORT_ROLES)
  @ApiOperation({ summary: 'Starts a correction of the submitted report: the next version, as a draft' })
  async correct(
    @CurrentActor() actor: Actor,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Param('year', ParseIntPipe) year: number,
  ) {
    return reportView(await this.reports.correct(actor, bodyId, year));
  }
}

function reportView(r: AnnualReport) {
  return {
    id: r.id,
    bodyId: r.bodyId,
    year: r.year,
    version: r.version,
    status: r.status,
    snapshotAsOf: r.snapshotAsOf,
    activities: r.activities,
    difficulties: r.difficulties,
    proposals: r.proposals,
    submittedAt: r.submittedAt,
    supersedesId: r.supersedesId,
  };
}

function figureView(f: ReportFigure) {
  return {
    ...f,
    percent: Object.fromEntries(INDICATOR_CODES.map((code) => [code, indicatorPercent(f, code)])),
  };
}

function documentView(doc: ReportDocument) {
  return {
    body: { id: doc.body.id, name: doc.body.name, kind: doc.body.kind },
    year: doc.year,
    dueDate: doc.status.due,
    state: doc.status.deadline.state,
    report: doc.report ? reportView(doc.report) : null,
    frozen: doc.frozen,
    figuresAsOf: doc.asOf,
    figures: doc.figures.map(figureView),
    pendingBodies: doc.pending,
    // Other domains' sections, headed in Vietnamese as the report is written; numbers as numbers.
    sections: doc.sections.map((section) => ({
      key: section.key,
      title: translate('vi', section.title),
      tables: section.tables.map((table) => ({
        caption: translate('vi', table.caption),
        columns: table.columns.map((c) => ({ label: translate('vi', c.label), numeric: !!c.numeric })),
        rows: table.rows,
      })),
    })),
    versions: doc.versions.map((v) => ({ version: v.version, status: v.status, submittedAt: v.submittedAt })),
    canEdit: doc.editable,
    canCorrect: doc.canCorrect,
    // The latest version, submitted, whose snapshot has been recomputed since with other counts.
    figuresChanged: doc.changes.length > 0,
    figureChanges: doc.changes,
  };
}
