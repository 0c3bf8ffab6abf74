import { Controller, Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { sendTable, TableExport } from '../../common/export/table-export';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { ReportingPanels } from './reporting-panel';
import { DashboardView, DashboardService, DASHBOARD_ROLES } from './dashboard.service';
import { dashboardPage, exportTable } from './dashboard.page';
import { DashboardQuery } from './dto/dashboard-query.dto';
import { todayInVietnam } from '../../common/time/vietnam-time';

/**
 * The plan's indicators: the province, a unit, an enterprise — each as a page, and each of its
 * tables as XLSX or CSV (?format=&table=) with the numbers of the page.
 */
@ApiExcludeController()
@Controller('indicators')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly reporting: ReportingPanels,
  ) {}

  @Get()
  @Roles(...DASHBOARD_ROLES)
  async province(
    @CurrentActor() actor: Actor,
    @Query() query: DashboardQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const selection = await this.dashboard.select(query);
    const landing = await this.dashboard.landing(actor, selection);
    if (landing) return res.redirect(303, landing);
    return this.respond(actor, await this.dashboard.province(actor, selection), query, req, res);
  }

  @Get('units/:id')
  @Roles(...DASHBOARD_ROLES)
  async unit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: DashboardQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const selection = await this.dashboard.select(query);
    return this.respond(actor, await this.dashboard.unit(actor, selection, id), query, req, res);
  }

  @Get('enterprises/:id')
  @Roles(...DASHBOARD_ROLES)
  async enterprise(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: DashboardQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const selection = await this.dashboard.select(query);
    return this.respond(actor, await this.dashboard.enterprise(actor, selection, id), query, req, res);
  }

  private async respond(
    actor: Actor,
    view: DashboardView,
    query: DashboardQuery,
    req: AppRequest,
    res: Response,
  ): Promise<void> {
    if (query.format) {
      const table = exportTable(req.locale, view, query.table ?? 'indicators');
      return sendTable(res, query.format, req.locale, table as TableExport<unknown>);
    }
    const today = todayInVietnam();
    const reporting = actor.has(Role.FederationAdmin)
      ? await this.reporting.panel(view.selection.plan.id, Number(today.slice(0, 4)), today)
      : null;
    const page = dashboardPage(req.locale, view, req.path, reporting);
    res.render('indicators/dashboard/index', {
      title: translate(req.locale, 'nav.dashboard'),
      ...page,
      canRefresh: page.canRefresh && actor.has(Role.FederationAdmin),
      today,
    });
  }
}
