import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { Page } from '../../common/http/pagination';
import { ReconciliationDecisionDto, ReconciliationListQuery } from './dto/reconciliation.dto';
import { ReconciliationsService, ReconciliationView } from './reconciliations.service';

/** Identity reconciliation for the federation admin's integrations; the same rules as the pages. */
@ApiTags('identity-reconciliations')
@ApiBearerAuth()
@Controller('api/v1/identity-reconciliations')
export class ReconciliationsApiController {
  constructor(private readonly reconciliations: ReconciliationsService) {}

  @Get()
  @Roles(Role.FederationAdmin)
  @ApiOperation({ summary: 'Requests to reconcile a person’s identity: open first' })
  list(@Query() query: ReconciliationListQuery): Promise<Page<ReconciliationView>> {
    return this.reconciliations.page(query);
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  get(@Param('id', ParseIntPipe) id: number): Promise<ReconciliationView> {
    return this.reconciliations.get(id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.FederationAdmin)
  @ApiOperation({ summary: 'Accept or reject, with a reason (audited; the officer who asked is told)' })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReconciliationDecisionDto,
  ): Promise<ReconciliationView> {
    await this.reconciliations.decide(actor, id, dto.decision, dto.reason);
    return this.reconciliations.get(id);
  }
}
