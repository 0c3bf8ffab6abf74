import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { AdminUnitsService } from './admin-units.service';
import { BranchesService } from './branches.service';
import { AssociationBranchDto } from './dto/branch.dto';
import { ListQuery } from './dto/list-query.dto';
import { branchColumns, listView, tableExport, unitOptions } from './organisations.presenters';
import { todayInVietnam } from '../common/time/vietnam-time';

const PATH = '/organisations/branches';
const TITLE = 'nav.branches';

@ApiExcludeController()
@Controller('organisations/branches')
export class BranchesController {
  constructor(
    private readonly branches: BranchesService,
    private readonly units: AdminUnitsService,
  ) {}

  @Get()
  @Roles(Role.FederationAdmin)
  async list(@Query() query: ListQuery, @Req() req: AppRequest, @Res() res: Response): Promise<void> {
    const columns = branchColumns();
    if (query.format) {
      const rows = this.branches.rows(query.q);
      return sendTable(
        res,
        query.format,
        req.locale,
        tableExport(req.locale, TITLE, 'chi-hoi-khuyen-hoc', columns, rows),
      );
    }
    const page = await this.branches.page(query);
    res.render(
      'organisations/list',
      listView(req.locale, {
        title: TITLE,
        path: PATH,
        columns,
        page,
        filters: { q: query.q },
        canEdit: true,
        link: (row) => `${PATH}/${row.id}/edit`,
      }),
    );
  }

  @Get('new')
  @Roles(Role.FederationAdmin)
  @Render('organisations/branches/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @FormView('organisations/branches/form', {
    context: BranchesController.prototype.formContext,
    flash: 'flash.created',
  })
  async create(@Body() dto: AssociationBranchDto) {
    await this.branches.create(dto);
    return { url: PATH };
  }

  @Get(':id/edit')
  @Roles(Role.FederationAdmin)
  @Render('organisations/branches/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(Role.FederationAdmin)
  @FormView('organisations/branches/form', {
    context: BranchesController.prototype.formContext,
    flash: 'flash.saved',
  })
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: AssociationBranchDto) {
    await this.branches.update(id, dto);
    return { url: PATH };
  }

  /** What the form needs; also used to render it again with errors. */
  async formContext(req: AppRequest) {
    const id = req.params.id ? Number(req.params.id) : undefined;
    const branch = id ? await this.branches.get(id) : undefined;
    return {
      title: translate(req.locale, branch ? 'org.branch.editTitle' : 'org.branch.newTitle'),
      branch,
      unitOptions: unitOptions(await this.units.listAll(), req.locale, todayInVietnam()),
      successorOptions: (await this.branches.all())
        .filter((b) => b.id !== branch?.id)
        .map((b) => ({ value: b.id, label: b.name })),
    };
  }
}
