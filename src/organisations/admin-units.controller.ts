import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { AdminUnitsService } from './admin-units.service';
import { AdminUnitDto, AdminUnitMappingDto } from './dto/admin-unit.dto';
import { UnitListQuery } from './dto/list-query.dto';
import { listView, tableExport, unitColumns, unitKindOptions, unitOptions } from './organisations.presenters';
import { todayInVietnam } from '../common/time/vietnam-time';

const PATH = '/organisations/units';
const TITLE = 'nav.units';

@ApiExcludeController()
@Controller('organisations/units')
export class AdminUnitsController {
  constructor(private readonly units: AdminUnitsService) {}

  /** The tree, indented by depth; filters: text, and "in force on" a date. */
  @Get()
  @Roles(Role.FederationAdmin, Role.DepartmentViewer)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: UnitListQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const columns = unitColumns(req.locale);
    if (query.format) {
      const rows = this.units.rows(query);
      return sendTable(
        res,
        query.format,
        req.locale,
        tableExport(req.locale, TITLE, 'don-vi-hanh-chinh', columns, rows),
      );
    }
    const page = await this.units.page(query);
    res.render(
      'organisations/list',
      listView(req.locale, {
        title: TITLE,
        path: PATH,
        columns,
        page,
        filters: { q: query.q, inForceOn: query.inForceOn },
        canEdit: actor.has(Role.FederationAdmin),
        link: (row) => `${PATH}/${row.id}`,
        indent: (row) => row.depth,
        dateFilter: true,
      }),
    );
  }

  @Get('new')
  @Roles(Role.FederationAdmin)
  @Render('organisations/units/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @FormView('organisations/units/form', {
    context: AdminUnitsController.prototype.formContext,
    flash: 'flash.created',
  })
  async create(@Body() dto: AdminUnitDto) {
    const unit = await this.units.create(dto);
    return { url: `${PATH}/${unit.id}` };
  }

  @Get(':id')
  @Roles(Role.FederationAdmin, Role.DepartmentViewer)
  @Render('organisations/units/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  @Get(':id/edit')
  @Roles(Role.FederationAdmin)
  @Render('organisations/units/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  /** Saves the unit; a new parent moves its whole subtree. */
  @Post(':id')
  @Roles(Role.FederationAdmin)
  @FormView('organisations/units/form', {
    context: AdminUnitsController.prototype.formContext,
    flash: 'flash.saved',
  })
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: AdminUnitDto) {
    await this.units.update(id, dto);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/mappings')
  @Roles(Role.FederationAdmin)
  @FormView('organisations/units/show', {
    context: AdminUnitsController.prototype.showContext,
    flash: 'flash.saved',
  })
  async addMapping(@Param('id', ParseIntPipe) id: number, @Body() dto: AdminUnitMappingDto) {
    await this.units.addMapping(id, dto);
    return { url: `${PATH}/${id}#mappings` };
  }

  @Post(':id/mappings/:mappingId/delete')
  @Roles(Role.FederationAdmin)
  @Redirect(undefined, 303)
  async removeMapping(
    @Param('id', ParseIntPipe) id: number,
    @Param('mappingId', ParseIntPipe) mappingId: number,
    @Req() req: AppRequest,
  ) {
    await this.units.removeMapping(id, mappingId);
    flash(req, 'success', 'org.mapping.removed');
    return { url: `${PATH}/${id}#mappings` };
  }

  /** What the form needs; also used to render it again with errors. */
  async formContext(req: AppRequest) {
    const id = req.params.id ? Number(req.params.id) : undefined;
    const unit = id ? await this.units.get(id) : undefined;
    // A unit cannot go under itself or its own descendants.
    const parents = (await this.units.listAll()).filter((u) => !unit || !u.path.startsWith(unit.path));
    const parentId = Number(req.query.parentId);
    return {
      title: translate(req.locale, unit ? 'org.unit.editTitle' : 'org.unit.newTitle'),
      unit: unit ?? (Number.isInteger(parentId) && parentId > 0 ? { parentId } : undefined),
      isEdit: !!unit,
      parentOptions: unitOptions(parents, req.locale, todayInVietnam()),
      kindOptions: unitKindOptions(req.locale),
    };
  }

  async showContext(req: AppRequest) {
    const detail = await this.units.detail(Number(req.params.id));
    const others = (await this.units.listAll()).filter((u) => u.id !== detail.unit.id);
    return {
      title: detail.unit.name,
      ...detail,
      canEdit: req.user!.has(Role.FederationAdmin),
      targetOptions: unitOptions(others, req.locale, todayInVietnam()),
    };
  }
}
