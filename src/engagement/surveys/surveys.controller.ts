import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role, ScopeType } from '../../common/access/roles';
import { sendTable } from '../../common/export/table-export';
import { FormView } from '../../common/forms/form-view';
import { PageQuery } from '../../common/http/pagination';
import { AppRequest, flash } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { todayInVietnam } from '../../common/time/vietnam-time';
import {
  IssueCodesDto,
  SurveyDto,
  SurveyQuestionDto,
  SurveyResultsQuery,
  SurveyTargetsDto,
} from './dto/survey.dto';
import { QuestionKind } from './entities/survey.entity';
import { answersFromForm, refuseFields, strayFields } from './survey-answers';
import { MIN_GROUP } from './survey-results';
import { SurveyAnsweringService } from './survey-answering.service';
import { ResultGroup, SurveyResultsService } from './survey-results.service';
import { answerFormView, chartOf, rateColumns, resultColumns } from './surveys.presenters';
import { SURVEY_AUTHORS, SURVEY_CODE_ISSUERS, SURVEY_READERS } from './surveys.access';
import { stateOf, SurveysService } from './surveys.service';

declare module 'express-session' {
  interface SessionData {
    /** Codes just issued, shown once on the print page and then forgotten. */
    surveyCodes?: { surveyId: number; enterpriseName: string; codes: string[] };
  }
}

const PATH = '/surveys';
const ENTERPRISE_CHOICES = 200;

/**
 * Surveys' pages: authors (federation, departments) build, aim, publish and read results; union
 * officers see their enterprise's response rate and hand out codes; workers answer on a phone.
 */
@ApiExcludeController()
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly answering: SurveyAnsweringService,
    private readonly resultsService: SurveyResultsService,
  ) {}

  @Get()
  @Roles(...SURVEY_READERS)
  @Render('engagement/surveys/list')
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery, @Req() req: AppRequest) {
    return {
      title: translate(req.locale, 'nav.surveys'),
      page: await this.surveys.list(actor, query),
      canCreate: actor.has(...SURVEY_AUTHORS),
      isOfficer: !actor.has(...SURVEY_AUTHORS),
    };
  }

  /** The worker's open surveys. */
  @Get('mine')
  @Roles(Role.Worker)
  @Render('engagement/surveys/mine')
  async mine(@CurrentActor() actor: Actor, @Req() req: AppRequest) {
    return {
      title: translate(req.locale, 'surveys.mine.title'),
      surveys: await this.answering.openForWorker(actor),
    };
  }

  @Get('new')
  @Roles(...SURVEY_AUTHORS)
  @Render('engagement/surveys/form')
  newPage(@Req() req: AppRequest) {
    return this.newContext(req);
  }

  @Post()
  @Roles(...SURVEY_AUTHORS)
  @FormView('engagement/surveys/form', { context: SurveysController.prototype.newContext })
  async create(@CurrentActor() actor: Actor, @Body() dto: SurveyDto, @Req() req: AppRequest) {
    const survey = await this.surveys.create(actor, dto);
    flash(req, 'success', 'surveys.created');
    return { url: `${PATH}/${survey.id}` };
  }

  /** An author's survey page (builder while a draft, participation after), or an officer's rate page. */
  @Get(':id')
  @Roles(...SURVEY_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const survey = await this.surveys.authoredOrNull(actor, id);
    if (survey) return res.render('engagement/surveys/show', await this.showContext(req));
    res.render('engagement/surveys/officer', await this.officerContext(req));
  }

  @Post(':id')
  @Roles(...SURVEY_AUTHORS)
  @FormView('engagement/surveys/show', {
    context: SurveysController.prototype.showContext,
    flash: 'flash.saved',
  })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SurveyDto) {
    await this.surveys.update(actor, id, dto);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/questions')
  @Roles(...SURVEY_AUTHORS)
  @FormView('engagement/surveys/show', {
    context: SurveysController.prototype.showContext,
    flash: 'surveys.questionAdded',
  })
  async addQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SurveyQuestionDto,
  ) {
    await this.surveys.addQuestion(actor, id, dto);
    return { url: `${PATH}/${id}#questions` };
  }

  @Post(':id/questions/:questionId/delete')
  @Roles(...SURVEY_AUTHORS)
  @FormView('engagement/surveys/show', {
    context: SurveysController.prototype.showContext,
    flash: 'surveys.questionDeleted',
  })
  async deleteQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('questionId', ParseIntPipe) questionId: number,
  ) {
    await this.surveys.deleteQuestion(actor, id, questionId);
    return { url: `${PATH}/${id}#questions` };
  }

  @Post(':id/targets')
  @Roles(...SURVEY_AUTHORS)
  @FormView('engagement/surveys/show', {
    context: SurveysController.prototype.showContext,
    flash: 'flash.saved',
  })
  async setTargets(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SurveyTargetsDto,
  ) {
    await this.surveys.setTargets(actor, id, dto);
    return { url: `${PATH}/${id}#targets` };
  }

  @Post(':id/publish')
  @Roles(...SURVEY_AUTHORS)
  @FormView('engagement/surveys/show', { context: SurveysController.prototype.showContext })
  async publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const enterprises = await this.surveys.publish(actor, id);
    flash(req, 'success', 'surveys.published', { enterprises });
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/close')
  @Roles(...SURVEY_AUTHORS)
  @FormView('engagement/surveys/show', {
    context: SurveysController.prototype.showContext,
    flash: 'surveys.closed',
  })
  async close(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.surveys.close(actor, id);
    return { url: `${PATH}/${id}` };
  }

  /** Results for an author, of the whole survey, a commune or an enterprise; ?format= the same numbers as a file. */
  @Get(':id/results')
  @Roles(...SURVEY_AUTHORS)
  async results(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: SurveyResultsQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const group: ResultGroup = query.enterpriseId
      ? { level: 'enterprise', enterpriseId: query.enterpriseId }
      : query.unitId
        ? { level: 'unit', unitId: query.unitId }
        : { level: 'province' };
    if (query.format && query.table === 'respondents') {
      const { rows } = await this.resultsService.rates(actor, id);
      return sendTable(res, query.format, req.locale, {
        filename: `khao-sat-${id}-ty-le-tra-loi`,
        sheet: translate(req.locale, 'surveys.rates.title').slice(0, 31),
        columns: rateColumns(),
        rows,
      });
    }
    const { survey, results } = await this.resultsService.results(actor, id, group);
    const groupLabel = results.groupName || translate(req.locale, 'surveys.results.wholeSurvey');
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `khao-sat-${id}-ket-qua`,
        sheet: translate(req.locale, 'surveys.results.title').slice(0, 31),
        columns: resultColumns(),
        rows: SurveyResultsService.lines(results, groupLabel),
      });
    }
    const { rows } = await this.resultsService.rates(actor, id);
    const exportQuery = query.enterpriseId
      ? `&enterpriseId=${query.enterpriseId}`
      : query.unitId
        ? `&unitId=${query.unitId}`
        : '';
    res.render('engagement/surveys/results', {
      title: translate(req.locale, 'surveys.results.title'),
      survey,
      results,
      groupLabel,
      questions: results.questions.map((q) => ({
        ...q,
        isText: q.kind === QuestionKind.Text,
        isScale: q.kind === QuestionKind.Scale,
        chartId: `chart-q${q.id}`,
        chart: chartOf(q, translate(req.locale, 'surveys.results.share')),
      })),
      hasCharts: results.questions.some((q) => q.kind !== QuestionKind.Text && q.answered > 0),
      rates: rows,
      units: SurveyResultsService.totals(rows),
      unitOptions: SurveyResultsService.totals(rows).map((u) => ({ value: u.unitId, label: u.unitName })),
      enterpriseOptions: rows.map((r) => ({ value: r.enterpriseId, label: r.enterpriseName })),
      query,
      exportQuery,
      showTexts: actor.has(Role.FederationAdmin),
    });
  }

  /** Issues single-use codes; they are shown once, on the print page. */
  @Post(':id/codes')
  @Roles(...SURVEY_CODE_ISSUERS)
  @FormView('engagement/surveys/officer', { context: SurveysController.prototype.officerContext })
  async issueCodes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: IssueCodesDto,
    @Req() req: AppRequest,
  ) {
    const issued = await this.answering.issueCodes(actor, id, dto.count, dto.enterpriseId);
    if (req.session)
      req.session.surveyCodes = { surveyId: id, enterpriseName: issued.enterpriseName, codes: issued.codes };
    return { url: `${PATH}/${id}/codes` };
  }

  /** The codes just issued, to print and cut out; shown once. */
  @Get(':id/codes')
  @Roles(...SURVEY_CODE_ISSUERS)
  @Render('engagement/surveys/codes')
  async codes(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const { survey } = await this.surveys.officerEnterprises(actor, id);
    const held = req.session?.surveyCodes;
    const issued = held && held.surveyId === id ? held : null;
    if (req.session) delete req.session.surveyCodes;
    return { title: translate(req.locale, 'surveys.codes.title'), survey, issued };
  }

  @Get(':id/answer')
  @Roles(Role.Worker)
  @Render('engagement/surveys/answer')
  answerPage(@Req() req: AppRequest) {
    return this.answerContext(req);
  }

  /** The answers, as q_<question id> fields (no DTO can name them; any other field is refused). */
  @Post(':id/answer')
  @Roles(Role.Worker)
  @FormView('engagement/surveys/answer', { context: SurveysController.prototype.answerContext })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @Req() req: AppRequest,
  ) {
    refuseFields(strayFields(body));
    const { questions } = await this.answering.formForWorker(actor, id);
    const { raw, unknown } = answersFromForm(body, questions);
    refuseFields(unknown);
    await this.answering.answerAsWorker(actor, id, raw);
    flash(req, 'success', 'surveys.thanks');
    return { url: `${PATH}/mine` };
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  newContext(req: AppRequest) {
    const today = todayInVietnam();
    return Promise.resolve({
      title: translate(req.locale, 'surveys.new'),
      values: { opensOn: today },
    });
  }

  async showContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    const survey = await this.surveys.authored(actor, id);
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined;
    const isDraft = survey.status === 'DRAFT';
    const [questions, targets] = await Promise.all([this.surveys.questions(id), this.surveys.targets(id)]);
    const context: Record<string, unknown> = {
      title: survey.title,
      survey: { ...survey, state: stateOf(survey, todayInVietnam()) },
      questions,
      isDraft,
      kinds: Object.values(QuestionKind).map((k) => ({
        value: k,
        label: translate(req.locale, `surveys.kind.${k}`),
      })),
      query: { q },
    };
    if (isDraft) {
      const [enterprises, communes] = await Promise.all([
        this.surveys.enterpriseChoices(actor, q, ENTERPRISE_CHOICES),
        this.surveys.communes(),
      ]);
      const chosenE = new Set(targets.enterpriseIds);
      const chosenU = new Set(targets.unitIds);
      context.enterprises = enterprises.map((e) => ({ ...e, checked: chosenE.has(e.id) }));
      context.communes = communes.map((u) => ({ ...u, checked: chosenU.has(u.id) }));
      context.targetCount = targets.enterpriseIds.length + targets.unitIds.length;
    } else {
      const { rows } = await this.resultsService.rates(actor, id);
      context.rates = rows;
      context.units = SurveyResultsService.totals(rows);
      const respondents = rows.reduce((n, r) => n + r.respondents, 0);
      const roster = rows.reduce((n, r) => n + r.roster, 0);
      context.total = {
        respondents,
        roster,
        rate: roster > 0 ? Math.round((respondents / roster) * 1000) / 10 : 0,
      };
    }
    return context;
  }

  async officerContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    const { survey, groups } = await this.resultsService.forOfficer(actor, id);
    const state = stateOf(survey, todayInVietnam());
    const enterprises = groups.map((g) => ({ value: g.rate.enterpriseId, label: g.rate.enterpriseName }));
    return {
      title: survey.title,
      survey: { ...survey, state },
      groups: groups.map((g) => ({
        ...g,
        questions: g.results?.questions
          .filter((q) => q.kind !== QuestionKind.Text)
          .map((q) => ({ ...q, isScale: q.kind === QuestionKind.Scale })),
      })),
      minGroup: MIN_GROUP,
      canIssue: state === 'OPEN' || state === 'UPCOMING',
      chooseEnterprise: enterprises.length > 1,
      enterprises,
      officerScope: actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer).length,
    };
  }

  async answerContext(req: AppRequest) {
    const form = await this.answering.formForWorker(req.user!, Number(req.params.id));
    const body = req.method === 'POST' ? ((req.body ?? {}) as Record<string, unknown>) : {};
    return {
      title: form.survey.title,
      ...answerFormView(form, body),
      action: `${PATH}/${form.survey.id}/answer`,
    };
  }
}
