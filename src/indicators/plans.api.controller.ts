import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  ParseIntPipe,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { JobRunsService } from '../jobs/job-runs.service';
import {
  IndicatorDto,
  MilestoneDto,
  PlanDto,
  ReportingBodyDto,
  RollupRequestDto,
  TargetsDto,
} from './dto/plan.dto';
import { IndicatorCode } from './entities/plan.entity';
import { IndicatorsService } from './indicators.service';
import { PlanDetail, PlansService } from './plans.service';

/** A plan as JSON: its fields, indicators with their targets, milestones and reporting bodies. */
function planJson(detail: PlanDetail) {
  return {
    ...detail.plan,
    unitName: detail.unitName,
    indicators: detail.indicators.map((i) => ({
      code: i.code,
      label: i.label,
      countingWindow: i.countingWindow,
      sortOrder: i.sortOrder,
      targets: detail.milestones
        .filter((m) => detail.targets.has(`${i.code}:${m.year}`))
        .map((m) => ({ year: m.year, percent: detail.targets.get(`${i.code}:${m.year}`) })),
    })),
    milestones: detail.milestones.map(({ id, year, kind, label, reviewDate }) => ({
      id,
      year,
      kind,
      label,
      reviewDate,
    })),
    reportingBodies: detail.bodies.map((b) => ({
      id: b.id,
      kind: b.kind,
      name: b.name,
      unitId: b.unitId,
      unitName: b.unitName,
      branchId: b.branchId,
      branchName: b.branchName,
      dueMonthDay: b.dueMonthDay,
      position: b.position,
      validFrom: b.validFrom,
      validTo: b.validTo,
      successorId: b.successorId,
      members: b.members,
    })),
  };
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/indicators')
export class PlansApiController {
  constructor(
    private readonly plans: PlansService,
    private readonly indicators: IndicatorsService,
  ) {}

  @Get('plans')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'Every plan with its area and period' })
  list() {
    return this.plans.list();
  }

  @Post('plans')
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({
    description: 'The plan created with its five indicators (start date must be 1 January)',
  })
  async create(@Body() dto: PlanDto) {
    const plan = await this.plans.create(dto);
    return planJson(await this.plans.detail(plan.id));
  }

  @Get('plans/:id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The plan with indicators, targets, milestones and reporting bodies' })
  async get(@Param('id', ParseIntPipe) id: number) {
    return planJson(await this.plans.detail(id));
  }

  @Put('plans/:id')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The plan saved' })
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: PlanDto) {
    await this.plans.update(id, dto);
    return planJson(await this.plans.detail(id));
  }

  @Delete('plans/:id')
  @HttpCode(204)
  @Roles(Role.FederationAdmin)
  @ApiNoContentResponse({ description: 'Deleted; 400 when the plan has roll-ups or annual reports' })
  async remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.plans.remove(id);
  }

  @Put('plans/:id/indicators/:code')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The indicator’s label and counting window saved' })
  updateIndicator(
    @Param('id', ParseIntPipe) id: number,
    @Param('code', new ParseEnumPipe(IndicatorCode)) code: IndicatorCode,
    @Body() dto: IndicatorDto,
  ) {
    return this.plans.updateIndicator(id, code, dto);
  }

  @Put('plans/:id/targets')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'Targets set (percent null removes one); all or nothing' })
  async setTargets(@Param('id', ParseIntPipe) id: number, @Body() dto: TargetsDto) {
    await this.plans.setTargets(id, dto.targets, (t) => `targets.${dto.targets.indexOf(t)}.percent`);
    return this.indicators.targets(id);
  }

  @Post('plans/:id/milestones')
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'The milestone added' })
  addMilestone(@Param('id', ParseIntPipe) id: number, @Body() dto: MilestoneDto) {
    return this.plans.addMilestone(id, dto);
  }

  @Put('plans/:id/milestones/:milestoneId')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The milestone saved; its targets follow a change of year' })
  updateMilestone(
    @Param('id', ParseIntPipe) id: number,
    @Param('milestoneId', ParseIntPipe) milestoneId: number,
    @Body() dto: MilestoneDto,
  ) {
    return this.plans.updateMilestone(id, milestoneId, dto);
  }

  @Delete('plans/:id/milestones/:milestoneId')
  @HttpCode(204)
  @Roles(Role.FederationAdmin)
  @ApiNoContentResponse({ description: 'The milestone and its targets deleted' })
  async removeMilestone(
    @Param('id', ParseIntPipe) id: number,
    @Param('milestoneId', ParseIntPipe) milestoneId: number,
  ): Promise<void> {
    await this.plans.removeMilestone(id, milestoneId);
  }

  @Post('plans/:id/reporting-bodies')
  @Roles(Role.FederationAdmin)
  @ApiCreatedResponse({ description: 'The reporting body added with its members' })
  async addBody(@Param('id', ParseIntPipe) id: number, @Body() dto: ReportingBodyDto) {
    const body = await this.plans.addBody(id, dto);
    return this.plans.findBody(id, body.id);
  }

  @Put('plans/:id/reporting-bodies/:bodyId')
  @Roles(Role.FederationAdmin)
  @ApiOkResponse({ description: 'The reporting body saved; its members replaced' })
  async updateBody(
    @Param('id', ParseIntPipe) id: number,
    @Param('bodyId', ParseIntPipe) bodyId: number,
    @Body() dto: ReportingBodyDto,
  ) {
    await this.plans.updateBody(id, bodyId, dto);
    return this.plans.findBody(id, bodyId);
  }

  @Delete('plans/:id/reporting-bodies/:bodyId')
  @HttpCode(204)
  @Roles(Role.FederationAdmin)
  @ApiNoContentResponse({ description: 'The reporting body deleted' })
  async removeBody(
    @Param('id', ParseIntPipe) id: number,
    @Param('bodyId', ParseIntPipe) bodyId: number,
  ): Promise<void> {
    await this.plans.removeBody(id, bodyId);
  }

  /** Queues a roll-up; poll GET /api/v1/jobs/{id} for its progress and result (snapshotId). */
  @Post('rollups')
  @HttpCode(202)
  @Roles(Role.FederationAdmin)
  @ApiAcceptedResponse({ description: 'The job run of the roll-up (progress at /api/v1/jobs/{id})' })
  async rollup(@CurrentActor() actor: Actor, @Body() dto: RollupRequestDto) {
    const run = await this.indicators.enqueueRollup(dto.planId, dto.asOf, actor.userId, true);
    return JobRunsService.view(run);
  }
}
