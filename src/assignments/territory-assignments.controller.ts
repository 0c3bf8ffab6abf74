import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { PageQuery, pageOf, pageWindow } from '../common/http/pagination';
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { addDays } from '../common/time/iso-date';
import { todayInVietnam } from '../common/time/vietnam-time';
import { TERRITORY_ASSIGNMENT_READERS, TERRITORY_ASSIGNMENT_WRITERS } from './assignments.access';
import { progressColumns, statusOptions } from './assignments.presenters';
import { DEFAULT_REMIND_DAYS } from './assignments.service';
import { CreateTerritoryAssignmentDto, ExportQuery, ProgressQuery } from './dto/assignment.dto';
import { enterpriseColumns } from './territory-assignments.presenters';
import { TerritoryAssignmentsService } from './territory-assignments.service';

const PATH = '/territory-assignments';
const COURSE_CHOICES = 100;
const PROGRESS_PAGE_SIZE = 50;

/**
 * The federation's pages for giving a course to a territory and following it per enterprise; union
 * officers of enterprises in the territory read it for their own workers.
 */
@ApiExcludeController()
@Controller('territory-assignments')
export class TerritoryAssignmentsController {
  constructor(private readonly territory: TerritoryAssignmentsService) {}

  @Get()
  @Roles(...TERRITORY_ASSIGNMENT_READERS)
  @Render('assignments/territory-list')
  list(@Req() req: AppRequest) {
    return this.listContext(req);
  }

  @Get('new')
  @Roles(...TERRITORY_ASSIGNMENT_WRITERS)
  @Render('assignments/territory-form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(...TERRITORY_ASSIGNMENT_WRITERS)
  @FormView('assignments/territory-form', { context: TerritoryAssignmentsController.prototype.formContext })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateTerritoryAssignmentDto,
    @Req() req: AppRequest,
  ) {
    const { assignment, enrolled, workers } = await this.territory.create(actor, dto);
    flash(req, 'success', 'territory.created', { enrolled, workers });
    return { url: `${PATH}/${assignment.id}` };
  }

  /** Counts per enterprise; with ?format=xlsx|csv the same rows as a file. */
  @Get(':id')
  @Roles(...TERRITORY_ASSIGNMENT_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ExportQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const { summary, enterprises } = await this.territory.detail(actor, id);
    const columns = enterpriseColumns();
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `giao-dia-ban-${id}`,
        sheet: translate(req.locale, 'territory.byEnterprise').slice(0, 31),
        columns,
        rows: enterprises,
      });
    }
    res.render('assignments/territory-show', {
      title: summary.courseTitle,
      summary,
      canWrite: await this.territory.canWrite(actor),
      path: `${PATH}/${id}`,
      rows: enterprises.map((e) => ({ enterpriseId: e.enterpriseId, cells: columns.map((c) => c.value(e)) })),
    });
  }

  /** One enterprise's workers and their status; with ?format=xlsx|csv the same rows as a file. */
  @Get(':id/enterprises/:enterpriseId')
  @Roles(...TERRITORY_ASSIGNMENT_READERS)
  async enterprise(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('enterpriseId', ParseIntPipe) enterpriseId: number,
    @Query() query: ProgressQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const { summary, enterpriseName, rows } = await this.territory.workersAt(
      actor,
      id,
      enterpriseId,
      query.status,
    );
    const columns = progressColumns(req.locale);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `giao-dia-ban-${id}-dn-${enterpriseId}`,
        sheet: translate(req.locale, 'assignments.progressTitle').slice(0, 31),
        columns,
        rows,
      });
    }
    const { page, size } = pageWindow({ page: query.page, size: PROGRESS_PAGE_SIZE });
    const path = `${PATH}/${id}/enterprises/${enterpriseId}`;
    res.render('assignments/territory-enterprise', {
      title: `${summary.courseTitle} — ${enterpriseName}`,
      summary,
      enterpriseName,
      statuses: statusOptions(req.locale, query.status),
      query: { status: query.status },
      exportQuery: query.status ? `&status=${query.status}` : '',
      path,
      rows: pageOf(
        rows.slice((page - 1) * size, page * size).map((r) => ({
          workerId: r.workerId,
          status: r.status,
          cells: columns.map((c) => c.value(r)),
        })),
        rows.length,
        page,
        size,
      ),
    });
  }

  @Post(':id/delete')
  @Roles(...TERRITORY_ASSIGNMENT_WRITERS)
  @FormView('assignments/territory-list', {
    context: TerritoryAssignmentsController.prototype.listContext,
    flash: 'territory.removed',
  })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.territory.remove(actor, id);
    return { url: PATH };
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  async listContext(req: AppRequest) {
    const actor = req.user!;
    const query: PageQuery = { page: Number(req.query.page) || undefined };
    const [page, canCreate] = await Promise.all([
      this.territory.list(actor, query),
      this.territory.canWrite(actor),
    ]);
    return { title: translate(req.locale, 'territory.title'), page, canCreate };
  }

  async formContext(req: AppRequest) {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined;
    const [units, courses] = await Promise.all([
      this.territory.territories(),
      this.territory.courses({ q, size: COURSE_CHOICES }),
    ]);
    const today = todayInVietnam();
    return {
      title: translate(req.locale, 'territory.new'),
      query: { q },
      units: units.map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` })),
      courses: courses.items.map((c) => ({ value: c.id, label: `${c.title} — ${c.institutionName}` })),
      today,
      values: { dueOn: addDays(today, 30), remindDaysBefore: DEFAULT_REMIND_DAYS },
    };
  }
}
