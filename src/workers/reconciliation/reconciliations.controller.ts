import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { FormView } from '../../common/forms/form-view';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { ReconciliationStatus } from './entities/identity-reconciliation.entity';
import { ReconciliationDecisionDto, ReconciliationListQuery } from './dto/reconciliation.dto';
import { ReconciliationsService } from './reconciliations.service';

/** The federation admin's list of identities to reconcile, and the decision on each. */
@ApiExcludeController()
@Controller('workers/reconciliations')
export class ReconciliationsController {
  constructor(private readonly reconciliations: ReconciliationsService) {}

  @Get()
  @Roles(Role.FederationAdmin)
  @Render('workers/reconciliations/list')
  async list(@Query() query: ReconciliationListQuery, @Req() req: AppRequest) {
    return {
      title: translate(req.locale, 'reconciliation.title'),
      page: await this.reconciliations.page(query),
      query,
      statuses: Object.values(ReconciliationStatus).map((value) => ({
        value,
        label: translate(req.locale, `reconciliation.status.${value}`),
        selected: value === query.status,
      })),
    };
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  @Render('workers/reconciliations/show')
  show(@Req() req: AppRequest) {
    return this.showContext(req);
  }

  @Post(':id/decision')
  @Roles(Role.FederationAdmin)
  @FormView('workers/reconciliations/show', {
    context: ReconciliationsController.prototype.showContext,
    flash: 'reconciliation.decided',
  })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReconciliationDecisionDto,
  ) {
    await this.reconciliations.decide(actor, id, dto.decision, dto.reason);
    return { url: `/workers/reconciliations/${id}` };
  }

  async showContext(req: AppRequest) {
    const item = await this.reconciliations.get(Number(req.params.id));
    return {
      title: translate(req.locale, 'reconciliation.title'),
      item,
      open: item.status === ReconciliationStatus.Open,
    };
  }
}
