import {
  Body,
  Controller,
  NotFoundException,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { ExportColumn, isExportFormat, sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { AppRequest, flash } from '../common/http/request';
import {
  CreateWorkerDto,
  EndEmploymentDto,
  FullExportDto,
  UnionMemberDto,
  UpdateWorkerDto,
  WorkerExportQuery,
  WorkerListQuery,
  WorkerSearchDto,
} from './dto/worker.dto';
import { GENDERS } from './entities/worker.entity';
import { WorkerAccountsService } from './worker-accounts.service';
import { WORKER_MANAGERS } from './workers.access';
import { isCccdQuery, WorkerListFilter, WorkerSummary, WorkersService } from './workers.service';
import { toDmy } from '../common/time/iso-date';

/** The worker pages of union officers and the federation admin. */
@ApiExcludeController()
@Controller('workers')
export class WorkersController {
  constructor(
    private readonly workers: WorkersService,
    private readonly accounts: WorkerAccountsService,
  ) {}

  @Get()
  @Roles(...WORKER_MANAGERS)
  @Render('workers/list')
  async list(@CurrentActor() actor: Actor, @Query() query: WorkerListQuery) {
    return this.listView(actor, query, false);
  }

  /**
   * The search box posts here, so a CCCD typed into it never lands in a URL (or a log of URLs):
   * a CCCD is matched by its blind index and the result rendered at once; a name is redirected
   * to the list's address like any filter.
   */
  @Post('search')
  @Roles(...WORKER_MANAGERS)
  async search(
    @CurrentActor() actor: Actor,
    @Body() dto: WorkerSearchDto,
    @Res() res: Response,
  ): Promise<void> {
    if (isCccdQuery(dto.q)) {
      res.setHeader('Cache-Control', 'no-store');
      return res
        .status(200)
        .render('workers/list', await this.listView(actor, { q: dto.q, status: 'all' }, true));
    }
    const params = new URLSearchParams();
    if (dto.q) params.set('q', dto.q);
    if (dto.status) params.set('status', dto.status);
    res.redirect(303, params.size ? `/workers?${params}` : '/workers');
  }

  /** The list as a spreadsheet, CCCD numbers masked. */
  @Get('export/:format')
  @Roles(...WORKER_MANAGERS)
  async export(
    @CurrentActor() actor: Actor,
    @Param('format') format: string,
    @Query() query: WorkerExportQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isExportFormat(format)) throw new NotFoundException();
    await this.sendExport(actor, format, { q: query.q, status: query.status }, null, req, res);
  }

  /** The officer's own roster with full CCCD numbers, for a reason written to the access log. */
  @Post('export/:format/full')
  @Roles(Role.UnionOfficer)
  @FormView('workers/list', { context: WorkersController.prototype.listContext })
  async exportFull(
    @CurrentActor() actor: Actor,
    @Param('format') format: string,
    @Body() dto: FullExportDto,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isExportFormat(format)) throw new NotFoundException();
    res.status(200).setHeader('Cache-Control', 'no-store');
    await this.sendExport(actor, format, { q: dto.q, status: dto.status }, dto.reason, req, res);
  }

  private async sendExport(
    actor: Actor,
    format: Parameters<typeof sendTable>[1],
    filter: WorkerListFilter,
    reason: string | null,
    req: AppRequest,
    res: Response,
  ): Promise<void> {
    await sendTable(res, format, req.locale, {
      filename: 'nguoi-lao-dong',
      sheet: translate(req.locale, 'nav.workers'),
      columns: exportColumns(req.locale),
      rows: this.workers.exportRows(actor, filter, reason),
    });
  }

  @Get('new')
  @Roles(...WORKER_MANAGERS)
  @Render('workers/form')
  async newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(...WORKER_MANAGERS)
  @FormView('workers/form', { context: WorkersController.prototype.formContext })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateWorkerDto, @Req() req: AppRequest) {
    // The same answer whether the person was new or joined from elsewhere (no existence oracle).
    const worker = await this.workers.create(actor, dto);
    flash(req, 'success', 'workers.created');
    return { url: `/workers/${worker.id}` };
  }

  @Get(':id')
  @Roles(...WORKER_MANAGERS)
  @Render('workers/show')
  async show(@Req() req: AppRequest) {
    return this.showContext(req);
  }

  /** Shows the full CCCD once, on this response only (POST, so it is never in a URL or a cache). */
  @Post(':id/cccd')
  @Roles(Role.UnionOfficer, Role.FederationAdmin)
  async reveal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const cccd = await this.workers.revealCccd(actor, id, 'POST /workers/:id/cccd');
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).render('workers/show', { ...(await this.showContext(req)), cccdFull: cccd });
  }

  @Get(':id/edit')
  @Roles(...WORKER_MANAGERS)
  @Render('workers/form')
  async editPage(@Req() req: AppRequest) {
    return this.editContext(req);
  }

  @Post(':id/edit')
  @Roles(...WORKER_MANAGERS)
  @FormView('workers/form', { context: WorkersController.prototype.editContext, flash: 'flash.saved' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateWorkerDto,
  ) {
    // A form sends every field; one left empty clears the value.
    await this.workers.update(actor, id, { ...dto, phone: dto.phone ?? null, email: dto.email ?? null });
    return { url: `/workers/${id}` };
  }

  @Post(':id/employments/:employmentId/end')
  @Roles(...WORKER_MANAGERS)
  @FormView('workers/show', {
    context: WorkersController.prototype.showContext,
    flash: 'workers.employmentEnded',
  })
  async endEmployment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('employmentId', ParseIntPipe) employmentId: number,
    @Body() dto: EndEmploymentDto,
  ) {
    await this.workers.endEmployment(actor, id, employmentId, dto.endDate);
    return { url: `/workers/${id}` };
  }

  @Post(':id/employments/:employmentId/union')
  @Roles(...WORKER_MANAGERS)
  @FormView('workers/show', { context: WorkersController.prototype.showContext, flash: 'flash.saved' })
  async unionMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('employmentId', ParseIntPipe) employmentId: number,
    @Body() dto: UnionMemberDto,
  ) {
    await this.workers.setUnionMember(actor, id, employmentId, dto.unionMember);
    return { url: `/workers/${id}` };
  }

  /** Renders the code (no redirect), so it is shown once and never kept in the session. */
  @Post(':id/activation-code')
  @Roles(...WORKER_MANAGERS)
  async activationCode(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ): Promise<void> {
    const issued = await this.accounts.issueCode(actor, id);
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).render('workers/activation-code', { issued, title: issued.fullName });
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  async formContext(req: AppRequest) {
    const enterprises = await this.workers.enterprises(req.user!);
    return {
      title: translate(req.locale, 'workers.new.title'),
      action: '/workers',
      creating: true,
      enterprises: enterprises.map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` })),
      singleEnterprise: enterprises.length === 1 ? enterprises[0] : null,
      genders: genderOptions(req.locale),
    };
  }

  async editContext(req: AppRequest) {
    const worker = await this.workers.detail(req.user!, Number(req.params.id));
    return {
      title: translate(req.locale, 'workers.edit.title'),
      action: `/workers/${worker.id}/edit`,
      creating: false,
      worker,
      canEditCccd: req.user!.reachesAll(Role.FederationAdmin),
      genders: genderOptions(req.locale),
    };
  }

  async showContext(req: AppRequest) {
    const actor = req.user!;
    const worker = await this.workers.detail(actor, Number(req.params.id));
    return {
      title: worker.fullName,
      worker,
      canReveal: actor.has(Role.UnionOfficer) || actor.reachesAll(Role.FederationAdmin),
      // Who saw this worker's full CCCD (src/privacy): the federation and system admins.
      canSeeAccessLog: actor.reachesAll(Role.FederationAdmin, Role.SystemAdmin),
      // A code only for an account never activated (issue 9): an active one is the worker's own.
      canIssueCode:
        worker.employments.some((e) => e.current) &&
        (worker.accountStatus === null || worker.accountStatus === 'PENDING'),
      accountActive: worker.accountStatus === 'ACTIVE',
      hasAccount: worker.accountStatus !== null,
    };
  }

  /** The list page again (a refused full export shows its form with the message). */
  async listContext(req: AppRequest) {
    return this.listView(req.user!, req.query as WorkerListQuery, false);
  }

  private async listView(actor: Actor, query: WorkerListQuery, cccdSearch: boolean) {
    const page = await this.workers.list(actor, query);
    // A CCCD is never written back into the page's links or search box.
    const shown = {
      q: cccdSearch || isCccdQuery(query.q) ? undefined : query.q,
      status: query.status ?? 'current',
    };
    return {
      page,
      query: shown,
      cccdSearch,
      states: ['current', 'ended', 'all'].map((value) => ({ value, key: `workers.state.${value}` })),
      canExportFull: actor.has(Role.UnionOfficer),
      // An officer reaches their enterprise's page (its commune) from here.
      ownEnterprises: actor.has(Role.UnionOfficer)
        ? (await this.workers.enterprises(actor)).map((e) => ({ id: e.id, name: e.name }))
        : [],
      // An officer of one enterprise knows where their workers work; the column only costs room.
      showEnterprise:
        actor.reachesAll(Role.FederationAdmin, Role.SystemAdmin) ||
        actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer).length > 1,
    };
  }
}

function genderOptions(locale: Locale) {
  return GENDERS.map((value) => ({ value, label: translate(locale, `workers.gender.${value}`) }));
}

/** The same headers as the import template, so an officer's full export can be imported again. */
export function exportColumns(locale: Locale): ExportColumn<WorkerSummary & { cccd: string }>[] {
  return [
    { header: 'workers.field.fullName', value: (w) => w.fullName, width: 28 },
    { header: 'workers.field.dateOfBirth', value: (w) => toDmy(w.dateOfBirth) },
    { header: 'workers.field.gender', value: (w) => translate(locale, `workers.gender.${w.gender}`) },
    { header: 'workers.field.cccd', value: (w) => w.cccd, width: 16 },
    { header: 'workers.field.employeeCode', value: (w) => w.employment?.employeeCode ?? '' },
    { header: 'workers.field.phone', value: (w) => w.phone ?? '' },
    { header: 'workers.field.email', value: (w) => w.email ?? '', width: 26 },
    { header: 'workers.field.startDate', value: (w) => toDmy(w.employment?.startDate) },
    { header: 'workers.field.endDate', value: (w) => toDmy(w.employment?.endDate) },
    {
      header: 'workers.field.unionMember',
      value: (w) =>
        w.employment ? translate(locale, w.employment.unionMember ? 'common.yes' : 'common.no') : '',
    },
    { header: 'workers.field.enterprise', value: (w) => w.employment?.enterpriseName ?? '', width: 36 },
    {
      header: 'workers.field.state',
      value: (w) => translate(locale, w.current ? 'workers.state.current' : 'workers.state.ended'),
    },
  ];
}
