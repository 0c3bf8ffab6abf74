import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { AppRequest } from '../../common/http/request';
import { figuresDocument } from './dashboard.page';
import { DASHBOARD_ROLES, DashboardService } from './dashboard.service';
import { FiguresQuery } from './dto/figures-query.dto';

/**
 * The dashboard's numbers for programs: the province (or a unit, or an enterprise) on the snapshot
 * of a date, with its child units and enterprises — the rows of the page's organisations table and
 * its CSV/XLSX export, as numbers. Each reader within their scope (404 outside it).
 */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/indicators')
export class FiguresApiController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('figures')
  @Roles(...DASHBOARD_ROLES)
  @ApiOkResponse({
    description:
      'The plan, the snapshot (asOf, computedAt), the counting window and targets of each indicator, and one row per organisation (the one asked for first, then its units, then its enterprises) with counts and one-decimal percentages; asOf null when no snapshot exists yet',
  })
  async figures(@CurrentActor() actor: Actor, @Query() query: FiguresQuery, @Req() req: AppRequest) {
    const selection = await this.dashboard.select(query);
    const view = query.enterprise
      ? await this.dashboard.enterprise(actor, selection, query.enterprise)
      : query.unit
        ? await this.dashboard.unit(actor, selection, query.unit)
        : await this.dashboard.province(actor, selection);
    return figuresDocument(req.locale, view);
  }
}
