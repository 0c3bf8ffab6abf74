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
import { TrainingInstitutionDto } from './dto/institution.dto';
import { ListQuery } from './dto/list-query.dto';
import { InstitutionsService } from './institutions.service';
import {
  institutionColumns,
  institutionKindOptions,
  listView,
  tableExport,
  unitOptions,
} from './organisations.presenters';
import { todayInVietnam } from '../common/time/vietnam-time';

const PATH = '/organisations/institutions';
const TITLE = 'nav.institutions';

@ApiExcludeController()
@Controller('organisations/institutions')
export class InstitutionsController {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly units: AdminUnitsService,
  ) {}

  @Get()
  @Roles(Role.FederationAdmin)
  async list(@Query() query: ListQuery, @Req() req: AppRequest, @Res() res: Response): Promise<void> {
    const columns = institutionColumns(req.locale);
    if (query.format) {
      const rows = this.institutions.rows(query.q);
      return sendTable(
        res,
        query.format,
        req.locale,
        tableExport(req.locale, TITLE, 'co-so-dao-tao', columns, rows),
      );
    }
    const page = await this.institutions.page(query);
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
  @Render('organisations/institutions/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @FormView('organisations/institutions/form', {
    context: InstitutionsController.prototype.formContext,
    flash: 'flash.created',
  })
  async create(@Body() dto: TrainingInstitutionDto) {
    await this.institutions.create(dto);
    return { url: PATH };
  }

  @Get(':id/edit')
  @Roles(Role.FederationAdmin)
  @Render('organisations/institutions/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(Role.FederationAdmin)
  @FormView('organisations/institutions/form', {
    context: InstitutionsController.prototype.formContext,
    flash: 'flash.saved',
  })
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: TrainingInstitutionDto) {
    await this.institutions.update(id, dto);
    return { url: PATH };
  }

  /** What the form needs; also used to render it again with errors. */
  async formContext(req: AppRequest) {
    const id = req.params.id ? Number(req.params.id) : undefined;
    const institution = id ? await this.institutions.get(id) : undefined;
    return {
      title: translate(req.locale, institution ? 'org.institution.editTitle' : 'org.institution.newTitle'),
      institution,
      kindOptions: institutionKindOptions(req.locale),
      unitOptions: unitOptions(await this.units.listAll(), req.locale, todayInVietnam()),
    };
  }
}
