import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { PageQuery } from '../../common/http/pagination';
import { ApiPageQuery } from '../../organisations/dto/list-query.dto';
import {
  SurveyAnswersDto,
  SurveyDto,
  SurveyQuestionDto,
  SurveyResultsQuery,
  SurveyTargetsDto,
} from './dto/survey.dto';
import { QuestionKind } from './entities/survey.entity';
import { RawAnswers } from './survey-answers';
import { SurveyAnsweringService } from './survey-answering.service';
import { SurveyResultsService } from './survey-results.service';
import { SURVEY_AUTHORS, SURVEY_READERS } from './surveys.access';
import { summaryOf, SurveysService } from './surveys.service';

/** Surveys for integrations and phones: the same services and scope as the pages. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('api/v1/surveys')
export class SurveysApiController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly answering: SurveyAnsweringService,
    private readonly resultsService: SurveyResultsService,
  ) {}

  @Get()
  @Roles(...SURVEY_READERS)
  @ApiPageQuery()
  @ApiOperation({
    summary:
      'Surveys the caller may see: all (federation), their own (department), those aimed at their enterprise (officer)',
  })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.surveys.list(actor, query);
  }

  @Post()
  @Roles(...SURVEY_AUTHORS)
  @ApiCreatedResponse({ description: 'The new draft survey' })
  async create(@CurrentActor() actor: Actor, @Body() dto: SurveyDto) {
    return summaryOf(await this.surveys.create(actor, dto));
  }

  @Get('mine')
  @Roles(Role.Worker)
  @ApiOperation({
    summary: 'The open surveys aimed at the worker’s enterprise today, and whether they answered each',
  })
  mine(@CurrentActor() actor: Actor) {
    return this.answering.openForWorker(actor);
  }

  @Get(':id')
  @Roles(...SURVEY_AUTHORS)
  @ApiOkResponse({ description: 'A survey its author built, with its questions and targets' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const survey = await this.surveys.authored(actor, id);
    const [questions, targets] = await Promise.all([this.surveys.questions(id), this.surveys.targets(id)]);
    return { ...summaryOf(survey), questions, targets };
  }

  @Post(':id/questions')
  @Roles(...SURVEY_AUTHORS)
  @ApiCreatedResponse({ description: 'The question added to the draft' })
  addQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SurveyQuestionDto,
  ) {
    return this.surveys.addQuestion(actor, id, dto);
  }

  @Put(':id/targets')
  @Roles(...SURVEY_AUTHORS)
  @ApiOkResponse({ description: 'The draft’s targets, replaced' })
  async setTargets(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SurveyTargetsDto,
  ) {
    await this.surveys.setTargets(actor, id, dto);
    return this.surveys.targets(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(...SURVEY_AUTHORS)
  @ApiOkResponse({ description: 'How many enterprises the published survey asks' })
  async publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return { enterprises: await this.surveys.publish(actor, id) };
  }

  @Get(':id/rates')
  @Roles(...SURVEY_READERS)
  @ApiOperation({ summary: 'Answers ÷ roster today per enterprise (an officer: their own enterprise only)' })
  async rates(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return (await this.resultsService.rates(actor, id)).rows;
  }

  @Get(':id/enterprise-results')
  @Roles(Role.UnionOfficer)
  @ApiOperation({
    summary:
      'An officer’s enterprises: each one’s rate, and its aggregate only after the survey has ended and from 5 respondents up',
    description:
      'While the survey is open `results` is null and `withheld` is OPEN (answers still come one at a time, so a ' +
      'changing aggregate would tell the latest answers apart); after it ends, with fewer than 5 respondents, ' +
      '`withheld` is SMALL_GROUP. Never short-text answers.',
  })
  async enterpriseResults(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const { groups } = await this.resultsService.forOfficer(actor, id);
    return groups.map((g) => ({
      ...g.rate,
      withheld: g.withheld,
      results: g.results && {
        ...g.results,
        questions: g.results.questions
          .filter((q) => q.kind !== QuestionKind.Text)
          .map(({ texts: _texts, ...q }) => q),
      },
    }));
  }

  @Get(':id/results')
  @Roles(...SURVEY_AUTHORS)
  @ApiOperation({
    summary:
      'Per question the count and share of each answer and a scale’s mean; of the survey, a commune (unitId) or an enterprise',
  })
  async results(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: SurveyResultsQuery,
  ) {
    const group = query.enterpriseId
      ? ({ level: 'enterprise', enterpriseId: query.enterpriseId } as const)
      : query.unitId
        ? ({ level: 'unit', unitId: query.unitId } as const)
        : ({ level: 'province' } as const);
    return (await this.resultsService.results(actor, id, group)).results;
  }

  @Get(':id/form')
  @Roles(Role.Worker)
  @ApiOkResponse({ description: 'The questions of an open survey aimed at the worker’s enterprise' })
  form(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.answering.formForWorker(actor, id);
  }

  @Post(':id/answers')
  @HttpCode(201)
  @Roles(Role.Worker)
  @ApiCreatedResponse({ description: 'Stored; 400 with a message when the worker answered already' })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SurveyAnswersDto,
  ) {
    const raw: RawAnswers = new Map(
      dto.answers.map((a) => [a.questionId, a.text !== undefined ? [a.text] : (a.choices ?? []).map(String)]),
    );
    await this.answering.answerAsWorker(actor, id, raw);
    return { answered: true };
  }
}
