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
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { isIsoDate } from '../common/validation/validators';
import { JobStatus } from '../jobs/entities/job-run.entity';
import { JobRunsService } from '../jobs/job-runs.service';
import { RollupRequestDto } from './dto/plan.dto';
import { SnapshotLevel } from './entities/snapshot.entity';
import { IndicatorsService } from './indicators.service';
import { figuresLine } from './plans.presenters';
import { PlansService } from './plans.service';
import { todayInVietnam } from '../common/time/vietnam-time';

/**
 * Roll-ups on demand: a form (plan, date), then a page with the job's progress bar and, once done,
 * the province's and the units' figures. Dashboards link here (POST /indicators/rollups).
 */
@ApiExcludeController()
@Controller('indicators/rollups')
export class RollupsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly plans: PlansService,
    private readonly jobRuns: JobRunsService,
  ) {}

  @Get('new')
  @Roles(Role.FederationAdmin)
  @Render('indicators/rollups/new')
  newPage(@Req() req: AppRequest) {
    return this.newContext(req);
  }

  /** Queues the roll-up and shows its progress. An admin's run also recomputes a closed year-end. */
  @Post()
  @Roles(Role.FederationAdmin)
  @FormView('indicators/rollups/new', {
    context: RollupsController.prototype.newContext,
    flash: 'indicators.rollup.queued',
  })
  async enqueue(@CurrentActor() actor: Actor, @Body() dto: RollupRequestDto) {
    const run = await this.indicators.enqueueRollup(dto.planId, dto.asOf, actor.userId, true);
    return { url: `/indicators/rollups/${run.id}` };
  }

  @Get(':runId')
  @Roles(Role.FederationAdmin)
  @Render('indicators/rollups/show')
  async show(
    @CurrentActor() actor: Actor,
    @Param('runId', ParseIntPipe) runId: number,
    @Req() req: AppRequest,
  ) {
    const run = await this.jobRuns.getForActor(actor, runId);
    if (run.name !== 'indicators.rollup') throw new NotFoundException();
    const context = {
      title: translate(req.locale, 'indicators.rollup.title'),
      run,
      failed: run.status === JobStatus.Failed,
      rules: this.indicators.countingRules(req.locale),
    };
    const snapshotId = Number(run.result?.snapshotId ?? 0);
    if (run.status !== JobStatus.Completed || !snapshotId) return context;
    const snapshot = await this.indicators.snapshot(snapshotId);
    if (!snapshot) return context;
    const plan = await this.plans.get(snapshot.planId);
    const provinces = await this.indicators.rows(snapshot.id, SnapshotLevel.Province);
    const units = [];
    for (const province of provinces) {
      units.push(...(await this.indicators.rows(snapshot.id, SnapshotLevel.Unit, province.orgId)));
    }
    return {
      ...context,
      completed: true,
      skipped: run.result?.skipped === true,
      plan,
      snapshot,
      provinces: provinces.map(figuresLine),
      units: units.map(figuresLine),
      indicatorCodes: provinces[0]?.indicators.map((i) => i.code) ?? [],
    };
  }

  async newContext(req: AppRequest) {
    const plans = await this.plans.list();
    const query = req.query as Record<string, unknown>;
    const planId = Number(query.planId ?? req.body?.planId ?? plans[0]?.id ?? 0);
    const asOf = typeof query.asOf === 'string' && isIsoDate(query.asOf) ? query.asOf : todayInVietnam();
    return {
      title: translate(req.locale, 'indicators.rollup.title'),
      planOptions: plans.map((p) => ({ value: p.id, label: p.title })),
      planId,
      asOf,
    };
  }
}
