import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { AdminUnitsService } from './admin-units.service';
import { EnterpriseListQuery } from './dto/list-query.dto';
import { EnterpriseCommuneDto, EnterpriseDto, HeadcountDto } from './dto/enterprise.dto';
import { isInForce } from './admin-units.service';
import { COMMUNE_LEVEL_KINDS } from './entities/admin-unit.entity';
import { EnterprisesService } from './enterprises.service';
import { enterpriseColumns, listView, tableExport, unitOptions } from './organisations.presenters';
import { todayInVietnam } from '../common/time/vietnam-time';

const PATH = '/organisations/enterprises';
const TITLE = 'nav.enterprises';

@ApiExcludeController()
@Controller('organisations/enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly units: AdminUnitsService,
  ) {}

  /** The list, or with ?format=xlsx|csv the same list as a file. Viewers see their scope, read-only. */
  @Get()
  @Roles(Role.FederationAdmin, Role.DepartmentViewer)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: EnterpriseListQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const columns = enterpriseColumns();
    if (query.format) {
      const rows = this.enterprises.rows(actor, query);
      return sendTable(
        res,
        query.format,
        req.locale,
        tableExport(req.locale, TITLE, 'doanh-nghiep', columns, rows),
      );
    }
    const page = await this.enterprises.page(actor, query);
    res.render('organisations/list', {
      ...listView(req.locale, {
        title: TITLE,
        path: PATH,
        columns,
        page,
        filters: { q: query.q, withoutCommune: query.withoutCommune },
        communeFilter: true,
        canEdit: actor.has(Role.FederationAdmin),
        link: (row) => `${PATH}/${row.id}`,
      }),
      importLink: actor.has(Role.FederationAdmin) ? `${PATH}/imports` : null,
    });
  }

  @Get('new')
  @Roles(Role.FederationAdmin)
  @Render('organisations/enterprises/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @FormView('organisations/enterprises/form', {
    context: EnterprisesController.prototype.formContext,
    flash: 'flash.created',
  })
  async create(@Body() dto: EnterpriseDto) {
    const enterprise = await this.enterprises.create(dto);
    return { url: `${PATH}/${enterprise.id}` };
  }

  @Get(':id')
  @Roles(Role.FederationAdmin, Role.DepartmentViewer, Role.UnionOfficer)
  @Render('organisations/enterprises/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  @Get(':id/edit')
  @Roles(Role.FederationAdmin)
  @Render('organisations/enterprises/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(Role.FederationAdmin)
  @FormView('organisations/enterprises/form', {
    context: EnterprisesController.prototype.formContext,
    flash: 'flash.saved',
  })
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: EnterpriseDto) {
    await this.enterprises.update(id, dto);
    return { url: `${PATH}/${id}` };
  }

  /** Where the enterprise is: its officer (or the federation admin) picks the commune in force today. */
  @Get(':id/commune')
  @Roles(Role.FederationAdmin, Role.UnionOfficer)
  @Render('organisations/enterprises/commune')
  communePage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.communeContext(req);
  }

  @Post(':id/commune')
  @Roles(Role.FederationAdmin, Role.UnionOfficer)
  @FormView('organisations/enterprises/commune', {
    context: EnterprisesController.prototype.communeContext,
    flash: 'flash.saved',
  })
  async setCommune(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: EnterpriseCommuneDto,
  ) {
    await this.enterprises.setCommune(actor, id, dto.unitId);
    return { url: `${PATH}/${id}` };
  }

  /** Sets one year's headcount: edits a listed year, or adds a new one. */
  @Post(':id/headcounts')
  @Roles(Role.FederationAdmin)
  @FormView('organisations/enterprises/show', {
    context: EnterprisesController.prototype.showContext,
    flash: 'flash.saved',
  })
  async setHeadcount(@Param('id', ParseIntPipe) id: number, @Body() dto: HeadcountDto) {
    await this.enterprises.setHeadcount(id, dto.year, dto.headcount);
    return { url: `${PATH}/${id}#headcounts` };
  }

  /** What the form needs; also used to render it again with errors. */
  async formContext(req: AppRequest) {
    const id = req.params.id ? Number(req.params.id) : undefined;
    const enterprise = id ? await this.enterprises.findInScope(req.user!, id) : undefined;
    const title = translate(req.locale, enterprise ? 'org.enterprise.editTitle' : 'org.enterprise.newTitle');
    return {
      title,
      enterprise,
      unitOptions: unitOptions(await this.units.listAll(), req.locale, todayInVietnam()),
    };
  }

  async communeContext(req: AppRequest) {
    const detail = await this.enterprises.detail(req.user!, Number(req.params.id));
    const today = todayInVietnam();
    const communes = (await this.units.listAll()).filter(
      (u) => COMMUNE_LEVEL_KINDS.includes(u.kind) && isInForce(u, today),
    );
    return {
      title: translate(req.locale, 'org.enterprise.commune.title', { name: detail.enterprise.name }),
      ...detail,
      // The commune in force today: the enterprise's own, or the one its old commune went into.
      selected: (detail.unitToday ?? detail.unit)?.id,
      communeOptions: communes
        .map((u) => ({ value: u.id, label: u.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    };
  }

  async showContext(req: AppRequest) {
    const actor = req.user!;
    const detail = await this.enterprises.detail(actor, Number(req.params.id));
    const latest = detail.headcounts[0]?.year;
    return {
      title: detail.enterprise.name,
      ...detail,
      canEdit: actor.has(Role.FederationAdmin),
      canList: actor.has(Role.FederationAdmin) || actor.has(Role.DepartmentViewer),
      canSetCommune: actor.has(Role.FederationAdmin) || actor.has(Role.UnionOfficer),
      nextYear: latest ? latest + 1 : Number(todayInVietnam().slice(0, 4)),
    };
  }
}
