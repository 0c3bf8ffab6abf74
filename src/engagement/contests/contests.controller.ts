import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { sendTable } from '../../common/export/table-export';
import { FormView } from '../../common/forms/form-view';
import { AppRequest, flash } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { thisYearInVietnam, toVietnamInput } from '../../common/time/vietnam-time';
import { CONTEST_KINDS, isOnline } from './contest-kinds';
import {
  CONTEST_ORGANISERS,
  CONTEST_READERS,
  CONTEST_REGISTRARS,
  CONTEST_RESULT_READERS,
} from './contests.access';
import {
  communeNames,
  contestColumns,
  formatDuration,
  rankingColumns,
  registrationColumns,
} from './contests.presenters';
import { answersFromForm, ContestsService } from './contests.service';
import {
  ContestListQuery,
  CreateContestDto,
  CreateQuestionDto,
  CreateRoundDto,
  RankingQuery,
  RecordResultFormDto,
  RegisterWorkersDto,
} from './dto/contest.dto';

const PATH = '/contests';
const ROSTER_SIZE = 100;

/** Movements and contests on pages: workers take part, organisers run them, officers and the federation follow them. */
@ApiExcludeController()
@Controller('contests')
export class ContestsController {
  constructor(private readonly contests: ContestsService) {}

  /** The contests open to the person; with ?format=xlsx|csv the same rows as a file. */
  @Get()
  @Roles(...CONTEST_READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ContestListQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const columns = contestColumns(req.locale);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: 'phong-trao-hoi-thi',
        sheet: translate(req.locale, 'nav.contests').slice(0, 31),
        columns,
        rows: this.contests.allRows(actor, query.year),
      });
    }
    const page = await this.contests.list(actor, query);
    res.render('engagement/contests/list', {
      title: translate(req.locale, 'nav.contests'),
      page: {
        ...page,
        items: page.items.map((r) => ({
          id: r.contest.id,
          cells: columns.map((c) => c.value(r)),
          communes: communeNames(r),
        })),
      },
      canCreate: actor.has(...CONTEST_ORGANISERS),
      seesCounts: actor.has(...CONTEST_RESULT_READERS),
    });
  }

  @Get('new')
  @Roles(...CONTEST_ORGANISERS)
  @Render('engagement/contests/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(...CONTEST_ORGANISERS)
  @FormView('engagement/contests/form', { context: ContestsController.prototype.formContext })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateContestDto, @Req() req: AppRequest) {
    const contest = await this.contests.create(actor, dto);
    flash(req, 'success', 'contests.created');
    return { url: `${PATH}/${contest.id}` };
  }

  @Get(':id')
  @Roles(...CONTEST_READERS)
  @Render('engagement/contests/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  /** The worker's own "Đăng ký tham gia". */
  @Post(':id/register')
  @Roles(Role.Worker)
  @FormView('engagement/contests/show', { context: ContestsController.prototype.showContext })
  async register(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
  ) {
    const added = await this.contests.registerSelf(actor, id);
    flash(req, 'success', added ? 'contests.registered' : 'contests.alreadyRegistered');
    return { url: `${PATH}/${id}` };
  }

  /** An officer registers ticked workers of their enterprise. */
  @Post(':id/registrations')
  @Roles(...CONTEST_REGISTRARS)
  @FormView('engagement/contests/show', { context: ContestsController.prototype.showContext })
  async registerWorkers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RegisterWorkersDto,
    @Req() req: AppRequest,
  ) {
    const { added, already } = await this.contests.registerWorkers(actor, id, dto.workerIds);
    flash(req, 'success', 'contests.registeredWorkers', { added, already });
    return { url: `${PATH}/${id}#registrations` };
  }

  /** Who registered, as XLSX or CSV (the page's table). */
  @Get(':id/registrations')
  @Roles(...CONTEST_RESULT_READERS)
  async registrations(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: RankingQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.contests.registrations(actor, id);
    return sendTable(res, query.format ?? 'xlsx', req.locale, {
      filename: `dang-ky-hoi-thi-${id}`,
      sheet: translate(req.locale, 'contests.registrationsTitle').slice(0, 31),
      columns: registrationColumns(),
      rows,
    });
  }

  @Post(':id/rounds')
  @Roles(...CONTEST_ORGANISERS)
  @FormView('engagement/contests/show', { context: ContestsController.prototype.showContext })
  async addRound(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateRoundDto,
    @Req() req: AppRequest,
  ) {
    await this.contests.addRound(actor, id, dto);
    flash(req, 'success', 'contests.roundAdded');
    return { url: `${PATH}/${id}#rounds` };
  }

  @Post(':id/questions')
  @Roles(...CONTEST_ORGANISERS)
  @FormView('engagement/contests/show', { context: ContestsController.prototype.showContext })
  async addQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateQuestionDto,
    @Req() req: AppRequest,
  ) {
    await this.contests.addQuestion(actor, id, dto);
    flash(req, 'success', 'contests.questionAdded');
    return { url: `${PATH}/${id}#questions` };
  }

  /** A round's ranking; with ?format=xlsx|csv the same rows as a file. */
  @Get(':id/rounds/:roundId')
  @Roles(...CONTEST_RESULT_READERS)
  async ranking(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('roundId', ParseIntPipe) roundId: number,
    @Query() query: RankingQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.contests.ranking(actor, id, roundId);
    const columns = rankingColumns();
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `xep-hang-hoi-thi-${id}-vong-${roundId}`,
        sheet: translate(req.locale, 'contests.rankingTitle').slice(0, 31),
        columns,
        rows,
      });
    }
    const { contest, round } = await this.contests.round(actor, id, roundId);
    res.render('engagement/contests/ranking', {
      title: `${contest.title} — ${round.name}`,
      contest,
      round,
      path: `${PATH}/${id}/rounds/${roundId}`,
      rows: rows.map((r) => ({ cells: columns.map((c) => c.value(r)) })),
    });
  }

  /** An in-person result (score, rank, prize) of a registered worker, in the round chosen on the form. */
  @Post(':id/results')
  @Roles(...CONTEST_ORGANISERS)
  @FormView('engagement/contests/show', { context: ContestsController.prototype.showContext })
  async recordResult(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RecordResultFormDto,
    @Req() req: AppRequest,
  ) {
    await this.contests.recordResult(actor, id, dto.roundId, dto);
    flash(req, 'success', 'contests.resultRecorded');
    return { url: `${PATH}/${id}/rounds/${dto.roundId}` };
  }

  /** "Bắt đầu làm bài": the server notes the start; the deadline runs from it. */
  @Post(':id/rounds/:roundId/start')
  @Roles(Role.Worker)
  @FormView('engagement/contests/show', { context: ContestsController.prototype.showContext })
  async start(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('roundId', ParseIntPipe) roundId: number,
  ) {
    await this.contests.start(actor, id, roundId);
    return { url: `${PATH}/${id}/rounds/${roundId}/attempt` };
  }

  @Get(':id/rounds/:roundId/attempt')
  @Roles(Role.Worker)
  @Render('engagement/contests/attempt')
  attemptPage(
    @Req() req: AppRequest,
    @Param('id', ParseIntPipe) _id: number,
    @Param('roundId', ParseIntPipe) _roundId: number,
  ) {
    return this.attemptContext(req);
  }

  @Post(':id/rounds/:roundId/submit')
  @Roles(Role.Worker)
  @FormView('engagement/contests/show', { context: ContestsController.prototype.showContext })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('roundId', ParseIntPipe) roundId: number,
    @Body() body: Record<string, unknown>,
    @Req() req: AppRequest,
  ) {
    const entry = await this.contests.submit(actor, id, roundId, answersFromForm(body ?? {}));
    flash(req, 'success', 'contests.submitted', { score: entry.score ?? 0, max: entry.maxScore ?? 0 });
    return { url: `${PATH}/${id}` };
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  async formContext(req: AppRequest) {
    const actor = req.user!;
    const federation = actor.has(Role.FederationAdmin);
    const enterprises = federation ? [] : await this.contests.officerEnterprises(actor);
    const body = (req.method === 'POST' ? (req.body ?? {}) : {}) as { unitIds?: unknown };
    const chosen = new Set([body.unitIds ?? []].flat().map(Number));
    const communes = federation ? await this.contests.communeChoices() : [];
    return {
      title: translate(req.locale, 'contests.newTitle'),
      kinds: CONTEST_KINDS.map((k) => ({ value: k, label: translate(req.locale, `contests.kind.${k}`) })),
      enterprises: enterprises.map((e) => ({ value: e.id, label: e.name })),
      chooseEnterprise: enterprises.length > 1,
      singleEnterprise: enterprises.length === 1 ? enterprises[0] : null,
      provinceWide: federation,
      communes: communes.map((u) => ({ ...u, checked: chosen.has(u.id) })),
      values: { year: thisYearInVietnam(), hours: 2 },
    };
  }

  async showContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    const detail = await this.contests.detail(actor, id);
    const online = isOnline(detail.contest.kind);
    const seesResults = actor.has(...CONTEST_RESULT_READERS);
    const [questions, registrations, roster] = await Promise.all([
      detail.canManage && online ? this.contests.questions(actor, id) : Promise.resolve([]),
      seesResults ? this.contests.registrations(actor, id) : Promise.resolve([]),
      actor.has(...CONTEST_REGISTRARS) ? this.contests.roster(actor, id, ROSTER_SIZE) : Promise.resolve([]),
    ]);
    return {
      title: detail.contest.title,
      detail,
      communeNames: communeNames(detail),
      online,
      kindLabel: translate(req.locale, `contests.kind.${detail.contest.kind}`),
      domainLabel: translate(req.locale, online ? 'domain.LAW' : 'domain.VOCATIONAL'),
      rounds: detail.rounds.map((r) => ({
        ...r,
        id: r.round.id,
        opensAt: r.round.opensAt,
        closesAt: r.round.closesAt,
        stateLabel: translate(req.locale, `contests.state.${r.state}`),
        canStart: detail.isWorker && online && r.state === 'open' && !r.mine?.submittedAt,
        resume: !!r.mine && !r.mine.submittedAt,
        done: !!r.mine?.submittedAt,
        duration: formatDuration(r.mine?.durationSeconds ?? null),
      })),
      questions: questions.map((q, i) => ({
        n: i + 1,
        prompt: q.prompt,
        options: q.options.map((o, j) => ({ text: o, correct: q.correct.split(',').includes(String(j)) })),
      })),
      seesResults,
      registrations: registrations.slice(0, 200),
      registrationTotal: registrations.length,
      registeredOptions: registrations.map((r) => ({ value: r.workerId, label: r.fullName })),
      roundOptions: detail.rounds.map((r) => ({ value: r.round.id, label: r.round.name })),
      roster,
      canRegister: actor.has(...CONTEST_REGISTRARS) && roster.length > 0,
      now: toVietnamInput(new Date()),
    };
  }

  async attemptContext(req: AppRequest) {
    const actor = req.user!;
    const view = await this.contests.attempt(actor, Number(req.params.id), Number(req.params.roundId));
    return {
      title: view.contest.title,
      contest: view.contest,
      round: view.round,
      deadlineAt: view.entry.deadlineAt,
      questions: view.questions.map((q, i) => ({
        ...q,
        n: i + 1,
        options: q.options.map((text, j) => ({ text, index: j })),
      })),
    };
  }
}
