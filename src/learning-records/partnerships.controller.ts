import { Body, Controller, Get, Param, ParseIntPipe, Post, Redirect, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { PartnershipDto } from './dto/partnership.dto';
import { PartnershipsService } from './partnerships.service';
import { todayInVietnam } from '../common/time/vietnam-time';

/** Union officers (their enterprise) and the federation admin (any) link enterprises with institutions. */
@ApiExcludeController()
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Get()
  @Roles(Role.UnionOfficer, Role.FederationAdmin)
  @Render('learning-records/partnerships')
  list(@Req() req: AppRequest) {
    return this.listContext(req);
  }

  @Post()
  @Roles(Role.UnionOfficer, Role.FederationAdmin)
  @FormView('learning-records/partnerships', {
    context: PartnershipsController.prototype.listContext,
    flash: 'partnerships.created',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: PartnershipDto) {
    await this.partnerships.create(actor, dto);
    return { url: '/partnerships' };
  }

  @Post(':id/delete')
  @Roles(Role.UnionOfficer, Role.FederationAdmin)
  @Redirect(undefined, 303)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    await this.partnerships.remove(actor, id);
    flash(req, 'success', 'partnerships.removed');
    return { url: '/partnerships' };
  }

  async listContext(req: AppRequest) {
    const actor = req.user!;
    const [rows, choices, institutions] = await Promise.all([
      this.partnerships.list(actor),
      this.partnerships.formChoices(actor),
      this.partnerships.institutionOptions(),
    ]);
    return {
      title: translate(req.locale, 'nav.partnerships'),
      rows,
      institutions,
      byTaxCode: choices.byTaxCode,
      enterprises: choices.enterprises.map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` })),
      singleEnterprise: choices.enterprises.length === 1 ? choices.enterprises[0] : null,
      today: todayInVietnam(),
      showEnterprise: choices.byTaxCode || choices.enterprises.length > 1,
    };
  }
}
