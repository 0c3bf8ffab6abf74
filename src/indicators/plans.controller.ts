import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Render,
  Req,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { AdminUnitsService } from '../organisations/admin-units.service';
import { BranchesService } from '../organisations/branches.service';
import { unitOptions } from '../organisations/organisations.presenters';
import { MilestoneDto, PlanDto, ReportingBodyDto } from './dto/plan.dto';
import { MilestoneKind } from './entities/plan.entity';
import { IndicatorsService } from './indicators.service';
import {
  bodyKindOptions,
  indicatorsFromForm,
  milestoneKindOptions,
  planPage,
  targetsFromForm,
} from './plans.presenters';
import { PlansService } from './plans.service';
import { todayInVietnam } from '../common/time/vietnam-time';

const PATH = '/indicators/plans';

/** The federation admin's pages for plans: the plan, its indicators, milestones, targets and reporting bodies. */
@ApiExcludeController()
@Controller('indicators/plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly indicators: IndicatorsService,
    private readonly units: AdminUnitsService,
    private readonly branches: BranchesService,
  ) {}

  @Get()
  @Roles(Role.FederationAdmin)
  @Render('indicators/plans/list')
  async list(@Req() req: AppRequest) {
    const plans = await this.plans.list();
    return { title: translate(req.locale, 'indicators.plans.title'), plans };
  }

  @Get('new')
  @Roles(Role.FederationAdmin)
  @Render('indicators/plans/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/form', {
    context: PlansController.prototype.formContext,
    flash: 'flash.created',
  })
  async create(@Body() dto: PlanDto) {
    const plan = await this.plans.create(dto);
    return { url: `${PATH}/${plan.id}` };
  }

  @Get(':id')
  @Roles(Role.FederationAdmin)
  @Render('indicators/plans/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  @Get(':id/edit')
  @Roles(Role.FederationAdmin)
  @Render('indicators/plans/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/form', { context: PlansController.prototype.formContext, flash: 'flash.saved' })
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: PlanDto) {
    await this.plans.update(id, dto);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/delete')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/show', {
    context: PlansController.prototype.showContext,
    flash: 'indicators.plan.deleted',
  })
  async remove(@Param('id', ParseIntPipe) id: number) {
    await this.plans.remove(id);
    return { url: PATH };
  }

  /** Labels and windows of the five indicators: one form, fields label_<CODE> and window_<CODE>. */
  @Post(':id/indicators')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/show', { context: PlansController.prototype.showContext, flash: 'flash.saved' })
  async saveIndicators(@Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>) {
    await this.plans.updateIndicators(id, indicatorsFromForm(body));
    return { url: `${PATH}/${id}#indicators` };
  }

  /** The targets matrix: fields target_<CODE>_<year>, empty for none. */
  @Post(':id/targets')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/show', { context: PlansController.prototype.showContext, flash: 'flash.saved' })
  async saveTargets(@Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>) {
    await this.plans.setTargets(id, targetsFromForm(body));
    return { url: `${PATH}/${id}#targets` };
  }

  @Post(':id/milestones')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/show', {
    context: PlansController.prototype.showContext,
    flash: 'flash.created',
  })
  async addMilestone(@Param('id', ParseIntPipe) id: number, @Body() dto: MilestoneDto) {
    await this.plans.addMilestone(id, dto);
    return { url: `${PATH}/${id}#milestones` };
  }

  @Get(':id/milestones/:milestoneId/edit')
  @Roles(Role.FederationAdmin)
  @Render('indicators/plans/milestone')
  editMilestone(@Req() req: AppRequest) {
    return this.milestoneContext(req);
  }

  @Post(':id/milestones/:milestoneId')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/milestone', {
    context: PlansController.prototype.milestoneContext,
    flash: 'flash.saved',
  })
  async updateMilestone(
    @Param('id', ParseIntPipe) id: number,
    @Param('milestoneId', ParseIntPipe) milestoneId: number,
    @Body() dto: MilestoneDto,
  ) {
    await this.plans.updateMilestone(id, milestoneId, dto);
    return { url: `${PATH}/${id}#milestones` };
  }

  @Post(':id/milestones/:milestoneId/delete')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/show', { context: PlansController.prototype.showContext, flash: 'flash.saved' })
  async removeMilestone(
    @Param('id', ParseIntPipe) id: number,
    @Param('milestoneId', ParseIntPipe) milestoneId: number,
  ) {
    await this.plans.removeMilestone(id, milestoneId);
    return { url: `${PATH}/${id}#milestones` };
  }

  @Get(':id/bodies/new')
  @Roles(Role.FederationAdmin)
  @Render('indicators/plans/body')
  newBody(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.bodyContext(req);
  }

  @Post(':id/bodies')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/body', {
    context: PlansController.prototype.bodyContext,
    flash: 'flash.created',
  })
  async addBody(@Param('id', ParseIntPipe) id: number, @Body() dto: ReportingBodyDto) {
    await this.plans.addBody(id, dto);
    return { url: `${PATH}/${id}#bodies` };
  }

  @Get(':id/bodies/:bodyId/edit')
  @Roles(Role.FederationAdmin)
  @Render('indicators/plans/body')
  editBody(@Req() req: AppRequest) {
    return this.bodyContext(req);
  }

  @Post(':id/bodies/:bodyId')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/body', { context: PlansController.prototype.bodyContext, flash: 'flash.saved' })
  async updateBody(
    @Param('id', ParseIntPipe) id: number,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Body() dto: ReportingBodyDto,
  ) {
    await this.plans.updateBody(id, bodyId, dto);
    return { url: `${PATH}/${id}#bodies` };
  }

  @Post(':id/bodies/:bodyId/delete')
  @Roles(Role.FederationAdmin)
  @FormView('indicators/plans/show', { context: PlansController.prototype.showContext, flash: 'flash.saved' })
  async removeBody(@Param('id', ParseIntPipe) id: number, @Param('bodyId', ParseIntPipe) bodyId: number) {
    await this.plans.removeBody(id, bodyId);
    return { url: `${PATH}/${id}#bodies` };
  }

  // --- what the templates need (also to render a form again with its errors) -------------------

  async formContext(req: AppRequest) {
    const id = req.params.id ? Number(req.params.id) : undefined;
    const plan = id ? await this.plans.get(id) : undefined;
    const roots = (await this.units.listAll()).filter((u) => u.depth === 0);
    return {
      title: translate(req.locale, plan ? 'indicators.plans.editTitle' : 'indicators.plans.newTitle'),
      plan,
      unitOptions: unitOptions(roots, req.locale, todayInVietnam()),
    };
  }

  async showContext(req: AppRequest) {
    const id = Number(req.params.id);
    const detail = await this.plans.detail(id);
    const today = todayInVietnam();
    const latest = await this.indicators.latestSnapshot(id);
    return {
      title: detail.plan.title,
      ...planPage(detail, req.locale),
      milestoneKindOptions: milestoneKindOptions(req.locale),
      nextMilestone: nextMilestone(
        detail.milestones.map((m) => m.year),
        detail.plan.endDate,
      ),
      rollupDate: today < detail.plan.endDate ? today : detail.plan.endDate,
      latest,
      rules: this.indicators.countingRules(req.locale),
    };
  }

  async milestoneContext(req: AppRequest) {
    const id = Number(req.params.id);
    const detail = await this.plans.detail(id);
    const milestone = detail.milestones.find((m) => m.id === Number(req.params.milestoneId));
    if (!milestone) throw new NotFoundException();
    return {
      title: translate(req.locale, 'indicators.milestones.editTitle'),
      plan: detail.plan,
      milestone,
      milestoneKindOptions: milestoneKindOptions(req.locale),
    };
  }

  async bodyContext(req: AppRequest) {
    const id = Number(req.params.id);
    const plan = await this.plans.get(id);
    const body = req.params.bodyId ? await this.plans.findBody(id, Number(req.params.bodyId)) : undefined;
    const branches = [];
    for await (const branch of this.branches.rows(undefined))
      branches.push({ value: branch.id, label: branch.name });
    const others = (await this.plans.detail(id)).bodies.filter((b) => b.id !== body?.id);
    return {
      title: translate(req.locale, body ? 'indicators.bodies.editTitle' : 'indicators.bodies.newTitle'),
      plan,
      body: body ? { ...body, memberNames: body.members.map((m) => m.username).join(', ') } : undefined,
      kindOptions: bodyKindOptions(req.locale),
      unitOptions: unitOptions(await this.units.listAll(), req.locale, todayInVietnam()),
      branchOptions: branches,
      successorOptions: others.map((b) => ({ value: b.id, label: b.name })),
    };
  }
}

/** The form for a new milestone suggests the final review at the plan's end until there is one. */
function nextMilestone(years: number[], endDate: string) {
  const endYear = Number(endDate.slice(0, 4));
  return years.includes(endYear)
    ? { year: '', kind: MilestoneKind.MidTerm, reviewDate: '' }
    : { year: endYear, kind: MilestoneKind.Final, reviewDate: endDate };
}
