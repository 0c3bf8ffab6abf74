import { ForbiddenException, Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { MessageRef } from '../../common/i18n/messages';
import { Page, PageQuery, pageOf, pageWindow } from '../../common/http/pagination';
import { parseVietnamDateTime, todayInVietnam, vietnamDateOf } from '../../common/time/vietnam-time';
import { UnitOfWork } from '../../database/unit-of-work';
import { RecordSource } from '../../learning-records/entities/learning-record.entity';
import { LearningRecordsService } from '../../learning-records/learning-records.service';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { COMMUNE_LEVEL_KINDS } from '../../organisations/entities/admin-unit.entity';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { WorkersService } from '../../workers/workers.service';
import { Workforce } from '../../workers/workforce';
import { campaignScope, sharedUnitPaths } from '../campaigns/campaign-scope';
import {
  attemptDeadline,
  CONTEST_DOMAIN,
  drawQuestions,
  isLate,
  isOnline,
  markAttempt,
  rankEntries,
} from './contest-kinds';
import { ContestAudience, ContestRow, ContestsRepository } from './contests.repository';
import { CreateContestDto, CreateQuestionDto, CreateRoundDto, RecordResultDto } from './dto/contest.dto';
import { ContestEntry } from './entities/contest-entry.entity';
import { ContestQuestion } from './entities/contest-question.entity';
import { ContestRound } from './entities/contest-round.entity';
import { Contest } from './entities/contest.entity';

/** Refuses what a worker or organiser asked for with a message they can act on. */

/** A row of the contests list: its counts and the communes it is aimed at (none for the others). */
export interface ContestListRow extends ContestRow {
  communes: { id: number; name: string }[];
}
export class ContestRefused extends FormError {
  constructor(
    readonly reason: string,
    field = 'contest',
  ) {
    const ref: MessageRef = { key: `contests.error.${reason}` };
    super({ [field]: ref }, ref);
  }
}

/** A round as the contest page shows it, with the worker's own entry in it. */
export interface RoundView {
  round: ContestRound;
  state: 'upcoming' | 'open' | 'closed';
  mine: ContestEntry | null;
  /** The worker's place among every scored entry of the round, and how many there are. */
  position: number | null;
  ranked: number;
}

export interface ContestDetail {
  contest: Contest;
  organiser: string | null;
  /** The communes the contest is aimed at (none: province-wide or one enterprise's). */
  communes: { id: number; name: string }[];
  rounds: RoundView[];
  canManage: boolean;
  isWorker: boolean;
  registered: boolean;
  questionCount: number;
  registrations: number;
}

/** The question of an attempt as the worker sees it: no correct answer in it. */
export interface AttemptQuestion {
  id: number;
  prompt: string;
  options: string[];
  multiple: boolean;
}

export interface AttemptView {
  contest: Contest;
  round: ContestRound;
  entry: ContestEntry;
  questions: AttemptQuestion[];
}

export interface RankingRow {
  position: number;
  workerId: number;
  fullName: string;
  enterpriseName: string;
  score: number | null;
  maxScore: number | null;
  durationSeconds: number | null;
  prize: string | null;
}

export interface RegistrationRow {
  workerId: number;
  fullName: string;
  enterpriseName: string;
  registeredAt: Date;
}

const EXPORT_BATCH = 200;

/** The learning record a contest gives a worker: one per contest, whatever the rounds. */
export function contestRef(contestId: number): string {
  return `contest:${contestId}`;
}

/**
 * Movements and contests: organising (rounds, question bank, results), registering, the online law
 * quiz (server-kept start time and limit, one attempt per round, automatic marking) and rankings.
 * Taking part writes one learning record per worker and contest in the same transaction.
 */
@Injectable()
export class ContestsService {
  constructor(
    private readonly contests: ContestsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprises: EnterprisesService,
    private readonly workers: WorkersService,
    private readonly workforce: Workforce,
    private readonly learningRecords: LearningRecordsService,
    private readonly units: AdminUnitsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  // --- reading ----------------------------------------------------------------------------------

  async list(actor: Actor, query: PageQuery & { year?: number }): Promise<Page<ContestListRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.contests.page(
      await this.audienceOf(actor, await this.contests.targeted(query.year)),
      query.year,
      skip,
      size,
    );
    return pageOf(await this.withCommunes(items), total, page, size);
  }

  /** Every row of that list, page by page, for an export. */
  async *allRows(actor: Actor, year?: number): AsyncGenerator<ContestListRow> {
    const audience = await this.audienceOf(actor, await this.contests.targeted(year));
    for (let skip = 0; ; skip += EXPORT_BATCH) {
      const [items] = await this.contests.page(audience, year, skip, EXPORT_BATCH);
      yield* await this.withCommunes(items);
      if (items.length < EXPORT_BATCH) return;
    }
  }

  private async withCommunes(rows: ContestRow[]): Promise<ContestListRow[]> {
    const communes = await this.communesOf(rows.map((r) => r.contest.id));
    return rows.map((r) => ({ ...r, communes: communes.get(r.contest.id) ?? [] }));
  }

  /** The contest if the actor sees it; 404 otherwise. */
  async get(actor: Actor, id: number): Promise<Contest> {
    const contest = await this.contests.findContest(id);
    if (!contest) throw new OutOfScopeException();
    const audience = await this.audienceOf(actor, await this.contests.unitsOf([id]));
    if (!(await this.contests.isVisible(id, audience))) throw new OutOfScopeException();
    return contest;
  }

  /** The communes each contest is aimed at, by name (lists and pages). */
  async communesOf(contestIds: number[]): Promise<Map<number, { id: number; name: string }[]>> {
    const unitsOf = await this.contests.unitsOf(contestIds);
    const names = await this.units.namesByIds([...new Set([...unitsOf.values()].flat())]);
    return new Map(
      [...unitsOf].map(([id, unitIds]) => [id, unitIds.map((u) => ({ id: u, name: names.get(u) ?? '' }))]),
    );
  }

  /** Communes (lowest-level units) in force on the day, by name: the form's choices. */
  async communeChoices(today = todayInVietnam()): Promise<{ id: number; name: string }[]> {
    return (await this.units.unitsInForceOn(today))
      .filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind))
      .map((u) => ({ id: u.id, name: u.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  async detail(actor: Actor, id: number, now = new Date()): Promise<ContestDetail> {
    const contest = await this.get(actor, id);
    const rounds = await this.contests.roundsOf(id);
    const workerId = actor.has(Role.Worker) ? actor.workerId : null;
    const mine = workerId ? await this.contests.entriesOfWorker(id, workerId) : [];
    const views: RoundView[] = [];
    for (const round of rounds) {
      const entry = mine.find((e) => e.roundId === round.id) ?? null;
      let position: number | null = null;
      let ranked = 0;
      if (entry && entry.score !== null) {
        const all = rankEntries(await this.contests.allScoredEntries(round.id));
        ranked = all.length;
        position = all.find((e) => e.workerId === workerId)?.position ?? null;
      }
      views.push({ round, state: roundState(round, now), mine: entry, position, ranked });
    }
    const canManage = await this.canManage(actor, contest);
    return {
      contest,
      communes: (await this.communesOf([id])).get(id) ?? [],
      organiser: contest.enterpriseId
        ? ((await this.enterprises.namesByIds([contest.enterpriseId])).get(contest.enterpriseId) ?? null)
        : null,
      rounds: views,
      canManage,
      isWorker: workerId !== null,
      registered: workerId ? (await this.contests.findRegistration(id, workerId)) !== null : false,
      questionCount: canManage ? (await this.contests.questionsOf(id)).length : 0,
      registrations: (await this.contests.registrationsOf(id, await this.resultScope(actor, contest))).length,
    };
  }

  /** The question bank with its answers: the organiser's only. */
  async questions(actor: Actor, id: number): Promise<ContestQuestion[]> {
    await this.getForManage(actor, id);
    return this.contests.questionsOf(id);
  }

  async round(
    actor: Actor,
    contestId: number,
    roundId: number,
  ): Promise<{ contest: Contest; round: ContestRound }> {
    const contest = await this.get(actor, contestId);
    const round = await this.contests.findRound(contestId, roundId);
    if (!round) throw new OutOfScopeException();
    return { contest, round };
  }

  /** Registrations the actor may see: all for the organiser, their enterprises' otherwise. */
  async registrations(actor: Actor, id: number): Promise<RegistrationRow[]> {
    const contest = await this.get(actor, id);
    if (!actor.has(Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer))
      throw new ForbiddenException();
    const rows = await this.contests.registrationsOf(id, await this.resultScope(actor, contest));
    const [names, enterpriseNames] = await Promise.all([
      this.namesOf(rows),
      this.enterprises.namesByIds(rows.map((r) => r.enterpriseId).filter((e): e is number => e !== null)),
    ]);
    return rows
      .map((r) => ({
        workerId: r.workerId,
        fullName: names.get(r.workerId) ?? '',
        enterpriseName: r.enterpriseId ? (enterpriseNames.get(r.enterpriseId) ?? '') : '',
        registeredAt: r.createdAt,
      }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.workerId - b.workerId);
  }

  /** A round's ranking: by the organiser's rank, else score then time taken. Workers see only their own place. */
  async ranking(actor: Actor, contestId: number, roundId: number): Promise<RankingRow[]> {
    const { contest, round } = await this.round(actor, contestId, roundId);
    if (!actor.has(Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer))
      throw new ForbiddenException();
    const entries = rankEntries(await this.contests.allScoredEntries(round.id));
    const scope = await this.resultScope(actor, contest);
    const visible = scope.all ? entries : await this.inScope(entries, scope);
    const [names, enterpriseNames] = await Promise.all([
      this.namesOf(visible),
      this.enterprises.namesByIds(visible.map((e) => e.enterpriseId).filter((e): e is number => e !== null)),
    ]);
    return visible.map((e) => ({
      position: e.position,
      workerId: e.workerId,
      fullName: names.get(e.workerId) ?? '',
      enterpriseName: e.enterpriseId ? (enterpriseNames.get(e.enterpriseId) ?? '') : '',
      score: e.score,
      maxScore: e.maxScore,
      durationSeconds: e.durationSeconds,
      prize: e.prize,
    }));
  }

  /** Enterprises an officer organises or registers for, by name. */
  async officerEnterprises(actor: Actor): Promise<{ id: number; name: string }[]> {
    const ids = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
    const names = await this.enterprises.namesByIds(ids);
    return ids
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)! }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  // --- organising -------------------------------------------------------------------------------

  /**
   * The federation's contests are province-wide, or aimed at communes in force (a commune means the
   * enterprises located in it); an officer's belong to one of their enterprises.
   */
  async create(actor: Actor, dto: CreateContestDto, today = todayInVietnam()): Promise<Contest> {
    const unitIds = [...new Set(dto.unitIds ?? [])];
    if (unitIds.length > 0) {
      if (!actor.has(Role.FederationAdmin))
        throw FormError.field('unitIds', 'contests.error.communesFederation');
      if (dto.enterpriseId !== undefined)
        throw FormError.field('unitIds', 'contests.error.communesOrEnterprise');
      const communes = new Set((await this.communeChoices(today)).map((u) => u.id));
      if (unitIds.some((u) => !communes.has(u)))
        throw FormError.field('unitIds', 'contests.error.notACommune');
    }
    let enterpriseId: number | null = null;
    if (!actor.has(Role.FederationAdmin)) {
      const own = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
      if (own.length === 0) throw new ForbiddenException();
      enterpriseId = dto.enterpriseId ?? (own.length === 1 ? own[0] : null);
      if (enterpriseId === null) throw FormError.field('enterpriseId', 'validation.required');
      if (!own.includes(enterpriseId)) throw FormError.field('enterpriseId', 'contests.error.enterprise');
    } else if (dto.enterpriseId !== undefined) {
      if (!(await this.enterprises.findById(dto.enterpriseId)))
        throw FormError.field('enterpriseId', 'contests.error.enterprise');
      enterpriseId = dto.enterpriseId;
    }
    const row = {
      kind: dto.kind,
      title: dto.title.trim(),
      description: dto.description?.trim() || null,
      year: dto.year,
      enterpriseId,
      hours: dto.hours,
      createdBy: actor.userId,
    };
    return this.unitOfWork.run((manager) => this.contests.insertContest(manager, row, unitIds));
  }

  async addRound(actor: Actor, id: number, dto: CreateRoundDto): Promise<ContestRound> {
    const contest = await this.getForManage(actor, id);
    const opensAt = parseVietnamDateTime(dto.opensAt)!;
    const closesAt = parseVietnamDateTime(dto.closesAt)!;
    if (closesAt.getTime() <= opensAt.getTime())
      throw FormError.field('closesAt', 'contests.error.closesBeforeOpens');
    if (isOnline(contest.kind) && !dto.timeLimitMinutes)
      throw FormError.field('timeLimitMinutes', 'contests.error.timeLimitRequired');
    return this.contests.insertRound({
      contestId: id,
      name: dto.name.trim(),
      opensAt,
      closesAt,
      timeLimitMinutes: isOnline(contest.kind) ? dto.timeLimitMinutes! : null,
      questionCount: isOnline(contest.kind) ? (dto.questionCount ?? null) : null,
    });
  }

  async addQuestion(actor: Actor, id: number, dto: CreateQuestionDto): Promise<ContestQuestion> {
    const contest = await this.getForManage(actor, id);
    if (!isOnline(contest.kind)) throw new ContestRefused('notOnline');
    const correct = [...new Set(dto.correct)].sort((a, b) => a - b);
    if (correct.some((c) => c > dto.options.length))
      throw FormError.field('correct', 'contests.error.correct');
    return this.contests.insertQuestion({
      contestId: id,
      prompt: dto.prompt.trim(),
      options: dto.options,
      correct: correct.map((c) => c - 1).join(','),
    });
  }

  /**
   * Records (or corrects) an in-person result of a registered worker. The first result of a worker
   * in the contest writes their learning record, in the same transaction.
   */
  async recordResult(
    actor: Actor,
    contestId: number,
    roundId: number,
    dto: RecordResultDto,
    now = new Date(),
  ): Promise<ContestEntry> {
    const contest = await this.getForManage(actor, contestId);
    if (isOnline(contest.kind)) throw new ContestRefused('online');
    const round = await this.contests.findRound(contestId, roundId);
    if (!round) throw new OutOfScopeException();
    const registration = await this.contests.findRegistration(contestId, dto.workerId);
    if (!registration) throw FormError.field('workerId', 'contests.error.notRegistered');
    const occurredOn = vietnamDateOf(round.opensAt);
    const created = await this.unitOfWork.run(async (manager) => {
      const existing = await this.contests.findEntry(roundId, dto.workerId, manager);
      const fields = {
        score: dto.score,
        rank: dto.rank ?? null,
        prize: dto.prize?.trim() || null,
        recordedBy: actor.userId,
        submittedAt: now,
      };
      if (existing) await this.contests.updateResult(manager, existing.id, fields);
      else
        await this.contests.insertEntry(manager, {
          contestId,
          roundId,
          workerId: dto.workerId,
          enterpriseId: registration.enterpriseId,
          ...fields,
        });
      return (await this.recordParticipation(manager, contest, dto.workerId, occurredOn)).created;
    });
    if (created) await this.learningRecords.announce([dto.workerId], occurredOn);
    return (await this.contests.findEntry(roundId, dto.workerId))!;
  }

  // --- registering ------------------------------------------------------------------------------

  /** A worker registers themselves for a contest open to them (seeing it is being eligible). */
  async registerSelf(actor: Actor, id: number): Promise<boolean> {
    const workerId = ownWorker(actor);
    const contest = await this.get(actor, id);
    let enterpriseId = contest.enterpriseId;
    if (enterpriseId === null) {
      const current = await this.workers.currentEnterpriseIds(workerId);
      const territory = await this.territoryOf(contest.id);
      enterpriseId = territory ? await this.firstInside(current, territory) : (current[0] ?? null);
      // Seen as an officer, perhaps, but not employed inside the communes: not theirs to enter.
      if (territory && enterpriseId === null) throw new ContestRefused('outsideCommunes');
    }
    const added = await this.unitOfWork.run((manager) =>
      this.contests.register(manager, id, [workerId], enterpriseId, actor.userId),
    );
    return added.length > 0;
  }

  /**
   * An officer registers workers employed at their enterprise today: for their enterprise's
   * contest, or for a province-wide one.
   */
  async registerWorkers(
    actor: Actor,
    id: number,
    workerIds: number[],
  ): Promise<{ added: number; already: number }> {
    const contest = await this.get(actor, id);
    const own = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
    const enterpriseId = contest.enterpriseId ?? (own.length === 1 ? own[0] : null);
    if (enterpriseId === null || !own.includes(enterpriseId)) throw new ForbiddenException();
    if (!(await this.admits(contest, enterpriseId))) throw new ContestRefused('outsideCommunes');
    const ids = [...new Set(workerIds)];
    const employed = await this.workforce.employedAmong(enterpriseId, todayInVietnam(), ids);
    const strangers = ids.filter((w) => !employed.has(w));
    if (strangers.length > 0)
      throw FormError.field('workerIds', 'contests.error.notOnRoster', {
        ids: strangers.slice(0, 10).join(', '),
      });
    const added = await this.unitOfWork.run((manager) =>
      this.contests.register(manager, id, ids, enterpriseId, actor.userId),
    );
    return { added: added.length, already: ids.length - added.length };
  }

  /** The officer's workers employed today (first by name), ticked when registered already. */
  async roster(
    actor: Actor,
    id: number,
    size: number,
  ): Promise<{ workerId: number; fullName: string; employeeCode: string | null; registered: boolean }[]> {
    const contest = await this.get(actor, id);
    const own = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
    const enterpriseId = contest.enterpriseId ?? (own.length === 1 ? own[0] : null);
    if (enterpriseId === null || !own.includes(enterpriseId)) return [];
    if (!(await this.admits(contest, enterpriseId))) return [];
    const [members] = await this.workforce.page(enterpriseId, todayInVietnam(), undefined, 0, size);
    const registered = new Set(
      (await this.contests.registrationsOf(id, { all: true, enterpriseIds: [], unitPaths: [] })).map(
        (r) => r.workerId,
      ),
    );
    return members.map((m) => ({
      workerId: m.workerId,
      fullName: m.fullName,
      employeeCode: m.employeeCode,
      registered: registered.has(m.workerId),
    }));
  }

  // --- the online law quiz ----------------------------------------------------------------------

  /**
   * Starts the worker's one attempt in an open round (registering them if they are not yet), or
   * returns the attempt already started: the start time, and so the deadline, is set once.
   */
  async start(actor: Actor, contestId: number, roundId: number, now = new Date()): Promise<ContestEntry> {
    const workerId = ownWorker(actor);
    const { contest, round } = await this.round(actor, contestId, roundId);
    if (!isOnline(contest.kind) || !round.timeLimitMinutes) throw new ContestRefused('notOnline');
    const existing = await this.contests.findEntry(roundId, workerId);
    if (existing) {
      if (existing.submittedAt) throw new ContestRefused('attempted');
      return existing;
    }
    const state = roundState(round, now);
    if (state !== 'open') throw new ContestRefused(state === 'upcoming' ? 'notOpen' : 'closed');
    const bank = await this.contests.questionsOf(contestId);
    if (bank.length === 0) throw new ContestRefused('noQuestions');
    await this.registerSelf(actor, contestId);
    const registration = await this.contests.findRegistration(contestId, workerId);
    await this.unitOfWork.run((manager) =>
      this.contests.insertEntry(manager, {
        contestId,
        roundId,
        workerId,
        enterpriseId: registration?.enterpriseId ?? null,
        questionIds: drawQuestions(
          bank.map((q) => q.id),
          round.questionCount,
        ),
        startedAt: now,
        deadlineAt: attemptDeadline(now, round.timeLimitMinutes!, round.closesAt),
      }),
    );
    return (await this.contests.findEntry(roundId, workerId))!;
  }

  /** The attempt in progress with its questions (never their answers). */
  async attempt(actor: Actor, contestId: number, roundId: number): Promise<AttemptView> {
    const workerId = ownWorker(actor);
    const { contest, round } = await this.round(actor, contestId, roundId);
    const entry = await this.contests.findEntry(roundId, workerId);
    if (!entry || !entry.startedAt) throw new ContestRefused('notStarted');
    if (entry.submittedAt) throw new ContestRefused('attempted');
    const ids = entry.questionIds ?? [];
    const byId = new Map((await this.contests.questionsByIds(contestId, ids)).map((q) => [q.id, q]));
    const questions = ids
      .map((qid) => byId.get(qid))
      .filter((q): q is ContestQuestion => !!q)
      .map((q) => ({ id: q.id, prompt: q.prompt, options: q.options, multiple: q.correct.includes(',') }));
    return { contest, round, entry, questions };
  }

  /**
   * Submits the attempt. The server marks it against the questions drawn and the time it kept:
   * after the deadline and its grace the attempt is closed as late, unmarked, and refused. A second
   * submit (or two at once) changes nothing: only one closes the attempt.
   */
  async submit(
    actor: Actor,
    contestId: number,
    roundId: number,
    answers: Record<string, number[]>,
    now = new Date(),
  ): Promise<ContestEntry> {
    const workerId = ownWorker(actor);
    const { contest } = await this.round(actor, contestId, roundId);
    const entry = await this.contests.findEntry(roundId, workerId);
    if (!entry || !entry.startedAt || !entry.deadlineAt) throw new ContestRefused('notStarted');
    if (entry.submittedAt) throw new ContestRefused('attempted');
    const late = isLate(entry.deadlineAt, now);
    const questions = await this.contests.questionsByIds(contestId, entry.questionIds ?? []);
    const clean = cleanAnswers(answers, entry.questionIds ?? []);
    const marked = late ? { score: null, maxScore: null } : markAttempt(questions, clean);
    const occurredOn = vietnamDateOf(now);
    const outcome = await this.unitOfWork.run(async (manager) => {
      const closed = await this.contests.closeAttempt(manager, entry.id, {
        submittedAt: now,
        answers: late ? null : clean,
        score: marked.score,
        maxScore: marked.maxScore,
        durationSeconds: Math.max(0, Math.round((now.getTime() - entry.startedAt!.getTime()) / 1000)),
        late,
      });
      if (!closed) return 'attempted' as const;
      if (late) return 'late' as const;
      return (await this.recordParticipation(manager, contest, workerId, occurredOn)).created;
    });
    if (outcome === 'attempted') throw new ContestRefused('attempted');
    if (outcome === 'late') throw new ContestRefused('late');
    if (outcome) await this.learningRecords.announce([workerId], occurredOn);
    return (await this.contests.findEntry(roundId, workerId))!;
  }

  // --- helpers ----------------------------------------------------------------------------------

  async canManage(actor: Actor, contest: Contest): Promise<boolean> {
    if (actor.has(Role.FederationAdmin)) return true;
    return (
      contest.enterpriseId !== null &&
      actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer).includes(contest.enterpriseId)
    );
  }

  private async getForManage(actor: Actor, id: number): Promise<Contest> {
    const contest = await this.get(actor, id);
    if (!(await this.canManage(actor, contest))) throw new ForbiddenException();
    return contest;
  }

  /** One learning record per worker and contest, in the contest's domain, with its hours. */
  private recordParticipation(
    manager: Parameters<LearningRecordsService['recordWithin']>[0],
    contest: Contest,
    workerId: number,
    occurredOn: string,
  ) {
    return this.learningRecords.recordWithin(manager, {
      workerId,
      occurredOn,
      hours: contest.hours,
      source: RecordSource.Contest,
      sourceRef: contestRef(contest.id),
      title: contest.title,
      domains: [CONTEST_DOMAIN[contest.kind]],
      enterpriseId: contest.enterpriseId,
    });
  }

  /**
   * Whose contests the actor sees: every province-wide contest, those of the enterprises in their
   * scope, and those aimed at communes their scope reaches (among `candidates`: contest → communes);
   * a worker's scope is the enterprises they work at today, so moving elsewhere moves it too.
   */
  private async audienceOf(actor: Actor, candidates: Map<number, number[]>): Promise<ContestAudience> {
    const readers = [Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer];
    let scope: EnterpriseScope = actor.has(...readers)
      ? await this.scopes.scopeOf(actor, ...readers)
      : { all: false, enterpriseIds: [], unitPaths: [] };
    if (actor.has(Role.Worker) && actor.workerId && !scope.all) {
      const own = await this.workers.currentEnterpriseIds(actor.workerId);
      scope = { ...scope, enterpriseIds: [...new Set([...scope.enterpriseIds, ...own])] };
    }
    const targeted: number[] = [];
    if (!scope.all)
      for (const [contestId, unitIds] of candidates) {
        if (unitIds.length === 0) continue;
        const paths = await this.scopes.subtreePaths(unitIds);
        if (await this.reaches(scope, paths)) targeted.push(contestId);
      }
    return { ...scope, targeted };
  }

  /** True when a reader's scope and a territory (its subtrees' paths) share an enterprise's place. */
  private async reaches(scope: EnterpriseScope, paths: string[]): Promise<boolean> {
    if (sharedUnitPaths(scope.unitPaths, paths).length > 0) return true;
    return (await this.firstInside(scope.enterpriseIds, campaignScope(paths))) !== null;
  }

  /** The territory of a contest aimed at communes, as a scope; null for the others. */
  private async territoryOf(contestId: number): Promise<EnterpriseScope | null> {
    const unitIds = (await this.contests.unitsOf([contestId])).get(contestId) ?? [];
    return unitIds.length > 0 ? campaignScope(await this.scopes.subtreePaths(unitIds)) : null;
  }

  /** True when the enterprise may take part: always, unless the contest is aimed at communes it is not in. */
  private async admits(contest: Contest, enterpriseId: number): Promise<boolean> {
    const territory = await this.territoryOf(contest.id);
    return !territory || (await this.enterprises.isInScope(enterpriseId, territory));
  }

  private async firstInside(enterpriseIds: number[], territory: EnterpriseScope): Promise<number | null> {
    for (const id of enterpriseIds) if (await this.enterprises.isInScope(id, territory)) return id;
    return null;
  }

  /** Whose registrations and results the actor sees: all for the organiser, else their scope's. */
  private async resultScope(actor: Actor, contest: Contest): Promise<EnterpriseScope> {
    if (await this.canManage(actor, contest)) return { all: true, enterpriseIds: [], unitPaths: [] };
    const readers = [Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer];
    if (!actor.has(...readers)) return { all: false, enterpriseIds: [], unitPaths: [] };
    return this.scopes.scopeOf(actor, ...readers);
  }

  private async inScope<T extends { enterpriseId: number | null }>(
    rows: T[],
    scope: EnterpriseScope,
  ): Promise<T[]> {
    const ids = [...new Set(rows.map((r) => r.enterpriseId).filter((e): e is number => e !== null))];
    const reached = new Set<number>();
    for (const id of ids) if (await this.enterprises.isInScope(id, scope)) reached.add(id);
    return rows.filter((r) => r.enterpriseId !== null && reached.has(r.enterpriseId));
  }

  private async namesOf(
    rows: { workerId: number; enterpriseId: number | null }[],
  ): Promise<Map<number, string>> {
    const byEnterprise = new Map<number, number[]>();
    for (const r of rows) {
      const key = r.enterpriseId ?? 0;
      byEnterprise.set(key, [...(byEnterprise.get(key) ?? []), r.workerId]);
    }
    const names = new Map<number, string>();
    for (const [enterpriseId, ids] of byEnterprise) {
      for (const [id, m] of await this.workforce.membersAt(enterpriseId, ids)) names.set(id, m.fullName);
    }
    return names;
  }
}

function ownWorker(actor: Actor): number {
  if (!actor.has(Role.Worker) || !actor.workerId) throw new ForbiddenException();
  return actor.workerId;
}

export function roundState(round: ContestRound, now: Date): 'upcoming' | 'open' | 'closed' {
  if (now.getTime() < round.opensAt.getTime()) return 'upcoming';
  if (now.getTime() >= round.closesAt.getTime()) return 'closed';
  return 'open';
}

/** Keeps the answers to the questions drawn, as lists of small integers. */
function cleanAnswers(answers: Record<string, number[]>, questionIds: number[]): Record<string, number[]> {
  const clean: Record<string, number[]> = {};
  for (const id of questionIds) {
    const given = answers[String(id)];
    if (Array.isArray(given))
      clean[String(id)] = [...new Set(given.filter((v) => Number.isInteger(v) && v >= 0 && v < 100))];
  }
  return clean;
}

/**
 * A form's answers: fields "q<id>" holding one option index or several. The fields are named after
 * the questions drawn, so no DTO class can list them; like the ValidationPipe's
 * forbidNonWhitelisted, a field of another name is refused.
 */
export function answersFromForm(body: Record<string, unknown>): Record<string, number[]> {
  const unknown = Object.keys(body).filter((field) => !/^q\d{1,10}$/.test(field));
  if (unknown.length > 0)
    throw new FormError(
      Object.fromEntries(
        unknown.map((field) => [field, { key: 'validation.unknownField', params: { field } }]),
      ),
    );
  const answers: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const list = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string' && /^\d{1,2}$/.test(v),
    );
    answers[key.slice(1)] = list.map(Number);
  }
  return answers;
}
