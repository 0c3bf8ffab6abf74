import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../common/access/access.decorators';
import { Actor } from '../../../common/access/actor';
import { Role } from '../../../common/access/roles';
import { FormView } from '../../../common/forms/form-view';
import { AppRequest, flash, wantsJson } from '../../../common/http/request';
import { translate } from '../../../common/i18n/i18n';
import { AnswerDto, MAX_STATEMENT, PlanDto } from './dto/worker-year.dto';
import { answerJson, planFields, planView, yearPath, yearsView, yearView } from './worker-year.presenters';
import { EDITABLE_STATUSES, WorkerYearService } from './worker-year.service';

/**
 * The worker's learning-citizen pages: this year's application (or the button to register), the
 * personal learning plan, the live checklist with the self-declared answers, submitting, and the
 * previous years.
 */
@ApiExcludeController()
@Controller('citizenship')
export class WorkerYearController {
  constructor(private readonly years: WorkerYearService) {}

  @Get()
  @Roles(Role.Worker)
  @Render('citizenship/applications/year')
  home(@Req() req: AppRequest) {
    return this.yearContext(req);
  }

  @Get('years/:year')
  @Roles(Role.Worker)
  @Render('citizenship/applications/year')
  year(@Req() req: AppRequest, @Param('year', ParseIntPipe) _year: number) {
    return this.yearContext(req);
  }

  @Get('years/:year/plan')
  @Roles(Role.Worker)
  @Render('citizenship/applications/plan')
  planPage(@Req() req: AppRequest, @Param('year', ParseIntPipe) _year: number) {
    return this.planContext(req);
  }

  /** Registers with the plan (the first time) or saves the plan again. */
  @Post('years/:year/plan')
  @Roles(Role.Worker)
  @FormView('citizenship/applications/plan', { context: WorkerYearController.prototype.planContext })
  async savePlan(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: PlanDto,
    @Req() req: AppRequest,
  ) {
    const registered = !(await this.years.find(actor, year));
    await this.years.savePlan(actor, year, dto);
    flash(
      req,
      'success',
      registered ? 'citizenship.year.flash.registered' : 'citizenship.year.flash.planSaved',
    );
    return { url: yearPath(year) };
  }

  @Post('years/:year/answers')
  @Roles(Role.Worker)
  @FormView('citizenship/applications/year', {
    context: WorkerYearController.prototype.yearContext,
    flash: 'citizenship.year.flash.answerSaved',
  })
  async saveAnswer(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: AnswerDto,
    @Req() req: AppRequest,
  ) {
    await this.years.saveAnswer(actor, year, dto.criterionCode, dto.statement);
    const json = wantsJson(req)
      ? answerJson(req.locale, await this.years.view(actor, year), dto.criterionCode)
      : undefined;
    return { url: `${yearPath(year)}#c-${dto.criterionCode}`, json };
  }

  @Post('years/:year/submit')
  @Roles(Role.Worker)
  @Redirect(undefined, 303)
  async submit(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Req() req: AppRequest,
  ) {
    const submitted = await this.years.submit(actor, year);
    flash(
      req,
      submitted ? 'success' : 'info',
      submitted ? 'citizenship.year.flash.submitted' : 'citizenship.year.flash.alreadySubmitted',
    );
    return { url: yearPath(year) };
  }

  /** A year's page (this year's at /citizenship); also rendered again when an answer is refused. */
  async yearContext(req: AppRequest) {
    const actor = req.user!;
    const current = this.years.currentYear();
    const year = req.params.year ? Number(req.params.year) : current;
    const application = await this.years.find(actor, year);
    const others = (await this.years.years(actor)).filter((r) => r.year !== year);
    const base = {
      title: translate(req.locale, 'citizenship.year.title', { year }),
      year,
      maxStatement: MAX_STATEMENT,
      previous: yearsView(req.locale, others),
    };
    if (!application) {
      if (year !== current) throw new NotFoundException();
      return { ...base, notRegistered: true, registerHref: `${yearPath(year)}/plan` };
    }
    const view = yearView(req.locale, await this.years.view(actor, year));
    // A statement refused without JavaScript: its group is open, whatever else it holds.
    const refused = (req.body as { criterionCode?: unknown } | undefined)?.criterionCode;
    const groups = view.groups.map((g) => ({
      ...g,
      open: g.open || g.items.some((i) => i.code === refused),
    }));
    return { ...base, ...view, groups };
  }

  async planContext(req: AppRequest) {
    const actor = req.user!;
    const year = Number(req.params.year);
    const application = await this.years.find(actor, year);
    if (!application && year !== this.years.currentYear()) throw new NotFoundException();
    const plan = application ? await this.years.planOf(actor, year) : [];
    // Once the officer confirmed, the plan is shown as it stands instead of a form that would be refused.
    const readOnly = !!application && !EDITABLE_STATUSES.includes(application.status);
    return {
      title: translate(req.locale, application ? 'citizenship.plan.title' : 'citizenship.year.register', {
        year,
      }),
      year,
      registering: !application,
      readOnly,
      back: yearPath(year),
      domains: planFields(req.locale, plan),
      plan: readOnly ? planView(req.locale, plan) : [],
    };
  }
}
