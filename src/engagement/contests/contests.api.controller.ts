import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { ApiPageQuery } from '../../organisations/dto/list-query.dto';
import {
  CONTEST_ORGANISERS,
  CONTEST_READERS,
  CONTEST_REGISTRARS,
  CONTEST_RESULT_READERS,
} from './contests.access';
import { ContestsService } from './contests.service';
import {
  ContestListQuery,
  CreateContestDto,
  CreateQuestionDto,
  CreateRoundDto,
  RecordResultDto,
  RegisterWorkersDto,
  SubmitAttemptDto,
} from './dto/contest.dto';
import { ContestEntry } from './entities/contest-entry.entity';

/** Movements and contests for integrations and phones: the same services and scope as the pages. */
@ApiTags('contests')
@ApiBearerAuth()
@Controller('api/v1/contests')
export class ContestsApiController {
  constructor(private readonly contests: ContestsService) {}

  @Get()
  @Roles(...CONTEST_READERS)
  @ApiPageQuery()
  @ApiOperation({
    summary:
      'Contests the caller sees (province-wide ones, those of enterprises in scope, those aimed at communes ' +
      'where the caller’s enterprises are), with counts and their communes',
  })
  async list(@CurrentActor() actor: Actor, @Query() query: ContestListQuery) {
    const page = await this.contests.list(actor, query);
    return {
      ...page,
      items: page.items.map((r) => ({
        ...r.contest,
        communes: r.communes,
        registrations: r.registrations,
        participants: r.participants,
        prizes: r.prizes,
      })),
    };
  }

  @Post()
  @Roles(...CONTEST_ORGANISERS)
  @ApiOperation({
    summary:
      'Create a contest: SKILLS_CONTEST and THEORY_REVIEW count as VOCATIONAL, LAW_QUIZ (online) as LAW; ' +
      'an officer’s is for their enterprise, the federation’s province-wide or, with unitIds, for the ' +
      'enterprises of those communes',
  })
  @ApiCreatedResponse({ description: 'The contest with its communes' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateContestDto) {
    const contest = await this.contests.create(actor, dto);
    return { ...contest, communes: (await this.contests.communesOf([contest.id])).get(contest.id) ?? [] };
  }

  @Get(':id')
  @Roles(...CONTEST_READERS)
  @ApiOkResponse({ description: 'The contest, its rounds, and the caller’s own entries and places' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const d = await this.contests.detail(actor, id);
    return {
      ...d.contest,
      organiser: d.organiser,
      communes: d.communes,
      registered: d.registered,
      registrations: d.registrations,
      rounds: d.rounds.map((r) => ({
        ...r.round,
        state: r.state,
        mine: r.mine ? entryView(r.mine) : null,
        position: r.position,
        ranked: r.ranked,
      })),
    };
  }

  @Post(':id/rounds')
  @Roles(...CONTEST_ORGANISERS)
  @ApiOperation({ summary: 'Add a round; an online (law quiz) round needs timeLimitMinutes' })
  addRound(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CreateRoundDto) {
    return this.contests.addRound(actor, id, dto);
  }

  @Get(':id/questions')
  @Roles(...CONTEST_ORGANISERS)
  @ApiOperation({ summary: 'The question bank with the correct options (organiser only)' })
  async questions(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return (await this.contests.questions(actor, id)).map((q) => ({
      id: q.id,
      prompt: q.prompt,
      options: q.options,
      correct: q.correct.split(',').map((c) => Number(c) + 1),
    }));
  }

  @Post(':id/questions')
  @Roles(...CONTEST_ORGANISERS)
  @ApiOperation({ summary: 'Add a single- or multiple-choice question to a law quiz contest’s bank' })
  async addQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateQuestionDto,
  ) {
    const q = await this.contests.addQuestion(actor, id, dto);
    return { id: q.id, prompt: q.prompt, options: q.options };
  }

  @Get(':id/registrations')
  @Roles(...CONTEST_RESULT_READERS)
  @ApiOperation({
    summary: 'Registered workers: all for the organiser, those of the caller’s enterprises otherwise',
  })
  registrations(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.contests.registrations(actor, id);
  }

  @Post(':id/registrations')
  @HttpCode(200)
  @Roles(...CONTEST_REGISTRARS)
  @ApiOperation({ summary: 'An officer registers workers employed at their enterprise today' })
  registerWorkers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RegisterWorkersDto,
  ) {
    return this.contests.registerWorkers(actor, id, dto.workerIds);
  }

  @Post(':id/register')
  @HttpCode(200)
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'The worker registers themselves' })
  async register(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return { registered: await this.contests.registerSelf(actor, id) };
  }

  @Get(':id/rounds/:roundId/ranking')
  @Roles(...CONTEST_RESULT_READERS)
  @ApiOperation({
    summary: 'The round’s ranking (organiser’s rank, else score then time taken), in the caller’s scope',
  })
  ranking(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('roundId', ParseIntPipe) roundId: number,
  ) {
    return this.contests.ranking(actor, id, roundId);
  }

  @Post(':id/rounds/:roundId/results')
  @HttpCode(200)
  @Roles(...CONTEST_ORGANISERS)
  @ApiOperation({
    summary:
      'Record or correct an in-person result of a registered worker; the first writes a VOCATIONAL learning record',
  })
  async recordResult(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('roundId', ParseIntPipe) roundId: number,
    @Body() dto: RecordResultDto,
  ) {
    return entryView(await this.contests.recordResult(actor, id, roundId, dto));
  }

  @Post(':id/rounds/:roundId/attempt')
  @HttpCode(200)
  @Roles(Role.Worker)
  @ApiOperation({
    summary:
      'Start (or resume) the worker’s one attempt in an open law quiz round: its deadline and questions (no answers)',
  })
  async start(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('roundId', ParseIntPipe) roundId: number,
  ) {
    await this.contests.start(actor, id, roundId);
    const view = await this.contests.attempt(actor, id, roundId);
    return { ...entryView(view.entry), questions: view.questions };
  }

  @Post(':id/rounds/:roundId/attempt/submit')
  @HttpCode(200)
  @Roles(Role.Worker)
  @ApiOperation({
    summary:
      'Submit the attempt once; marked by the server. After the deadline (+30 s) it is closed as late and refused (400)',
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('roundId', ParseIntPipe) roundId: number,
    @Body() dto: SubmitAttemptDto,
  ) {
    return entryView(await this.contests.submit(actor, id, roundId, dto.answers));
  }
}

function entryView(e: ContestEntry) {
  return {
    roundId: e.roundId,
    workerId: e.workerId,
    startedAt: e.startedAt,
    deadlineAt: e.deadlineAt,
    submittedAt: e.submittedAt,
    score: e.score,
    maxScore: e.maxScore,
    durationSeconds: e.durationSeconds,
    rank: e.rank,
    prize: e.prize,
    late: e.late,
  };
}
