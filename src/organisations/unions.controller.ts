import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { ListQuery } from './dto/list-query.dto';
import { GrassrootsUnionDto } from './dto/union.dto';
import { EnterprisesService } from './enterprises.service';
import { listView, tableExport, unionColumns } from './organisations.presenters';
import { UnionsService } from './unions.service';

const PATH = '/organisations/unions';
const TITLE = 'nav.unions';

@ApiExcludeController()
@Controller('organisations/unions')
export class UnionsController {
  constructor(
    private readonly unions: UnionsService,
    private readonly enterprises: EnterprisesService,
  ) {}

  @Get()
  @Roles(Role.FederationAdmin)
  async list(@Query() query: ListQuery, @Req() req: AppRequest, @Res() res: Response): Promise<void> {
    const columns = unionColumns();
    if (query.format) {
      const rows = this.unions.rows(query.q);
      return sendTable(
        res,
        query.format,
        req.locale,
        tableExport(req.locale, TITLE, 'cong-doan-co-so', columns, rows),
      );
    }
    const page = await this.unions.page(query);
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
  @Render('organisations/unions/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @FormView('organisations/unions/form', {
    context: UnionsController.prototype.formContext,
    flash: 'flash.created',
  })
  async create(@Body() dto: GrassrootsUnionDto) {
    const union = await this.unions.create(dto);
    return { url: `/organisations/enterprises/${union.enterpriseId}` };
  }

  @Get(':id/edit')
  @Roles(Role.FederationAdmin)
  @Render('organisations/unions/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(Role.FederationAdmin)
  @FormView('organisations/unions/form', {
    context: UnionsController.prototype.formContext,
    flash: 'flash.saved',
  })
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: GrassrootsUnionDto) {
    await this.unions.update(id, dto);
    return { url: PATH };
  }

  /** What the form needs; also used to render it again with errors. */
  async formContext(req: AppRequest) {
    const id = req.params.id ? Number(req.params.id) : undefined;
    const union = id ? await this.unions.get(id) : undefined;
    const enterpriseId = Number(req.query.enterpriseId);
    const enterprises = await this.enterprises.withoutUnion(union?.enterpriseId);
    return {
      title: translate(req.locale, union ? 'org.union.editTitle' : 'org.union.newTitle'),
      union: union
        ? { ...union, successorTaxCode: await this.unions.successorTaxCode(union) }
        : Number.isInteger(enterpriseId) && enterpriseId > 0
          ? { enterpriseId }
          : undefined,
      isEdit: !!union,
      enterpriseOptions: enterprises.map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` })),
    };
  }
}
