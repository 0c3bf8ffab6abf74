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
import { ASSIGNMENT_READERS, ASSIGNMENT_WRITERS } from './assignments.access';
import { progressColumns, statusOptions } from './assignments.presenters';
import { AssignmentsService, DEFAULT_REMIND_DAYS } from './assignments.service';
import { CreateAssignmentDto, PickWorkersDto, ProgressQuery } from './dto/assignment.dto';
import { TerritoryAssignmentsService } from './territory-assignments.service';

const PATH = '/assignments';
const PICK_PAGE_SIZE = 50;
const PROGRESS_PAGE_SIZE = 50;
const COURSE_CHOICES = 100;

/** The union officer's pages for giving courses to workers and following their progress. */
@ApiExcludeController()
@Controller('assignments')
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly territory: TerritoryAssignmentsService,
  ) {}

  @Get()
  @Roles(...ASSIGNMENT_READERS)
  @Render('assignments/list')
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery, @Req() req: AppRequest) {
    const [page, enterprises, fromFederation, federation] = await Promise.all([
      this.assignments.list(actor, query),
      this.assignments.enterprises(actor),
      // The federation's assignments covering the officer's enterprises (read-only), the latest first.
      this.territory.list(actor, { size: 100 }),
      this.territory.canWrite(actor),
    ]);
    return {
      title: translate(req.locale, 'nav.assignments'),
      page,
      fromFederation,
      federation,
      canCreate: enterprises.length > 0,
      withEnterprise: enterprises.length !== 1,
    };
  }

  @Get('new')
  @Roles(...ASSIGNMENT_WRITERS)
  @Render('assignments/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  /** Gives the course; without the whole roster, the officer then ticks workers on the next page. */
  @Post()
  @Roles(...ASSIGNMENT_WRITERS)
  @FormView('assignments/form', { context: AssignmentsController.prototype.formContext })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateAssignmentDto, @Req() req: AppRequest) {
    const { assignment, added, already } = await this.assignments.create(actor, dto);
    flash(req, 'success', 'assignments.created', { added, already });
    const picking = !dto.wholeRoster && !dto.workerIds?.length;
    return { url: picking ? `${PATH}/${assignment.id}/pick` : `${PATH}/${assignment.id}` };
  }

  /** The progress per worker, filtered by status; with ?format=xlsx|csv the same rows as a file. */
  @Get(':id')
  @Roles(...ASSIGNMENT_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ProgressQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.assignments.progress(actor, id, query.status);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `giao-khoa-hoc-${id}`,
        sheet: translate(req.locale, 'assignments.progressTitle').slice(0, 31),
        columns: progressColumns(req.locale),
        rows,
      });
    }
    const summary = await this.assignments.detail(actor, id);
    const { page, size } = pageWindow({ page: query.page, size: PROGRESS_PAGE_SIZE });
    const columns = progressColumns(req.locale);
    res.render('assignments/show', {
      title: summary.courseTitle,
      summary,
      canWrite: await this.assignments.canWrite(actor, summary),
      statuses: statusOptions(req.locale, query.status),
      query: { status: query.status },
      exportQuery: query.status ? `&status=${query.status}` : '',
      path: `${PATH}/${id}`,
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

  @Get(':id/pick')
  @Roles(...ASSIGNMENT_WRITERS)
  @Render('assignments/pick')
  pick(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.pickContext(req);
  }

  @Post(':id/workers')
  @Roles(...ASSIGNMENT_WRITERS)
  @FormView('assignments/pick', { context: AssignmentsController.prototype.pickContext })
  async addWorkers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: PickWorkersDto,
    @Req() req: AppRequest,
  ) {
    const { added, already } = await this.assignments.addWorkers(actor, id, { workerIds: dto.workerIds });
    flash(req, 'success', 'assignments.added', { added, already });
    return { url: `${PATH}/${id}` };
  }

  /** "Cả danh sách": everyone employed at the enterprise today. */
  @Post(':id/roster')
  @Roles(...ASSIGNMENT_WRITERS)
  @FormView('assignments/pick', { context: AssignmentsController.prototype.pickContext })
  async addRoster(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
  ) {
    const { added, already } = await this.assignments.addWorkers(actor, id, { wholeRoster: true });
    flash(req, 'success', 'assignments.added', { added, already });
    return { url: `${PATH}/${id}` };
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  async formContext(req: AppRequest) {
    const actor = req.user!;
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined;
    const [enterprises, courses] = await Promise.all([
      this.assignments.enterprises(actor),
      this.assignments.courses({ q, size: COURSE_CHOICES }),
    ]);
    const today = todayInVietnam();
    return {
      title: translate(req.locale, 'assignments.newTitle'),
      query: { q },
      courses: courses.items.map((c) => ({ value: c.id, label: `${c.title} — ${c.institutionName}` })),
      enterprises: enterprises.map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` })),
      chooseEnterprise: enterprises.length > 1,
      singleEnterprise: enterprises.length === 1 ? enterprises[0] : null,
      today,
      values: { dueOn: addDays(today, 30), remindDaysBefore: DEFAULT_REMIND_DAYS },
    };
  }

  async pickContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    const summary = await this.assignments.detail(actor, id);
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined;
    const { page } = pageWindow({ page: Number(req.query.page) || undefined });
    const roster = await this.assignments.roster(actor, id, q, page, PICK_PAGE_SIZE);
    return {
      title: translate(req.locale, 'assignments.pick.title'),
      summary,
      roster,
      query: { q },
      path: `${PATH}/${id}/pick`,
      remaining: roster.items.filter((c) => !c.assigned).length,
    };
  }
}
