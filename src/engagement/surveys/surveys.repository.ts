import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/unit-of-work';
import { SurveyCode, SurveyCodeAttempt } from './entities/survey-code.entity';
import { SurveyAnswer, SurveyResponse } from './entities/survey-response.entity';
import {
  Survey,
  SurveyEnterprise,
  SurveyQuestion,
  SurveyStatus,
  SurveyTarget,
  TargetKind,
} from './entities/survey.entity';
import { AnswerCounts } from './survey-results';
import { AnswerRow } from './survey-answers';

const BATCH = 500;

/** Which surveys a list shows: all, those one user built, or those aimed at some enterprises. */
export interface SurveyFilter {
  createdBy?: number;
  /** Published or closed surveys aimed at one of these enterprises. */
  enterpriseIds?: number[];
}

/** Who answered, per enterprise (and its unit on the day of publishing). */
export interface RespondentRow {
  enterpriseId: number;
  unitId: number;
  respondents: number;
}

/** A worker's own answer, for their personal-data export. */
export interface OwnAnswerRow {
  response_id: number;
  survey_id: number;
  survey_title: string;
  submitted_at: Date;
  question: string;
  kind: string;
  options: string | null;
  choice: number | null;
  text: string | null;
}

/** Surveys, their questions, targets, codes and responses; every query of the surveys part. */
@Injectable()
export class SurveysRepository {
  constructor(
    @InjectRepository(Survey) private readonly surveys: Repository<Survey>,
    @InjectRepository(SurveyQuestion) private readonly questions: Repository<SurveyQuestion>,
    @InjectRepository(SurveyTarget) private readonly targets: Repository<SurveyTarget>,
    @InjectRepository(SurveyEnterprise) private readonly enterprises: Repository<SurveyEnterprise>,
    @InjectRepository(SurveyCode) private readonly codes: Repository<SurveyCode>,
    @InjectRepository(SurveyCodeAttempt) private readonly attempts: Repository<SurveyCodeAttempt>,
    @InjectRepository(SurveyResponse) private readonly responses: Repository<SurveyResponse>,
    @InjectRepository(SurveyAnswer) private readonly answers: Repository<SurveyAnswer>,
  ) {}

  // --- surveys, questions, targets ------------------------------------------------------------

  insert(data: Partial<Survey>): Promise<Survey> {
    return this.surveys.save(this.surveys.create(data));
  }

  async update(
    id: number,
    data: Partial<Survey>,
    manager: EntityManager = this.surveys.manager,
  ): Promise<void> {
    await manager.getRepository(Survey).update({ id }, data);
  }

  findById(id: number): Promise<Survey | null> {
    return this.surveys.findOne({ where: { id } });
  }

  /** Latest first. */
  async page(filter: SurveyFilter, skip: number, take: number): Promise<[Survey[], number]> {
    const query = this.surveys.createQueryBuilder('s');
    if (filter.createdBy !== undefined)
      query.andWhere('s.created_by = :createdBy', { createdBy: filter.createdBy });
    if (filter.enterpriseIds !== undefined) {
      if (filter.enterpriseIds.length === 0) query.andWhere('1 = 0');
      else
        query
          .andWhere('s.status <> :draft', { draft: SurveyStatus.Draft })
          .andWhere(
            's.id IN (SELECT se.survey_id FROM survey_enterprises se WHERE se.enterprise_id IN (:...enterpriseIds))',
            { enterpriseIds: filter.enterpriseIds },
          );
    }
    return query
      .orderBy('s.opens_on', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  /** Surveys published and open on the day, aimed at one of the enterprises. */
  openFor(enterpriseIds: number[], today: string): Promise<Survey[]> {
    if (enterpriseIds.length === 0) return Promise.resolve([]);
    return this.surveys
      .createQueryBuilder('s')
      .where('s.status = :published', { published: SurveyStatus.Published })
      .andWhere('s.opens_on <= :today AND s.closes_on >= :today', { today })
      .andWhere(
        's.id IN (SELECT se.survey_id FROM survey_enterprises se WHERE se.enterprise_id IN (:...ids))',
        {
          ids: enterpriseIds,
        },
      )
      .orderBy('s.closes_on', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** Published surveys whose period ends in the year, in order of closing. */
  closingIn(year: number): Promise<Survey[]> {
    return this.surveys
      .createQueryBuilder('s')
      .where('s.status <> :draft', { draft: SurveyStatus.Draft })
      .andWhere('s.closes_on >= :from AND s.closes_on <= :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('s.closes_on', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  questionsOf(surveyId: number): Promise<SurveyQuestion[]> {
    return this.questions.find({ where: { surveyId }, order: { position: 'ASC', id: 'ASC' } });
  }

  async addQuestion(data: Omit<SurveyQuestion, 'id' | 'position'>): Promise<SurveyQuestion> {
    const [{ max }] = await this.questions
      .createQueryBuilder('q')
      .select('MAX(q.position)', 'max')
      .where('q.survey_id = :id', { id: data.surveyId })
      .getRawMany<{ max: number | null }>();
    return this.questions.save(this.questions.create({ ...data, position: Number(max ?? 0) + 1 }));
  }

  async deleteQuestion(surveyId: number, questionId: number): Promise<boolean> {
    return ((await this.questions.delete({ id: questionId, surveyId })).affected ?? 0) > 0;
  }

  targetsOf(surveyId: number): Promise<SurveyTarget[]> {
    return this.targets.find({ where: { surveyId }, order: { kind: 'ASC', targetId: 'ASC' } });
  }

  async replaceTargets(surveyId: number, targets: { kind: TargetKind; targetId: number }[]): Promise<void> {
    await this.targets.manager.transaction(async (manager) => {
      await manager.getRepository(SurveyTarget).delete({ surveyId });
      if (targets.length > 0)
        await manager.getRepository(SurveyTarget).insert(targets.map((t) => ({ surveyId, ...t })));
    });
  }

  /** Publishes: the enterprises the targets mean today are kept with the survey. */
  async publish(
    manager: EntityManager,
    surveyId: number,
    enterprises: { enterpriseId: number; unitId: number }[],
    at: Date,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Survey)
      .update(
        { id: surveyId, status: SurveyStatus.Draft },
        { status: SurveyStatus.Published, publishedAt: at },
      );
    if ((result.affected ?? 0) === 0) return false;
    for (let i = 0; i < enterprises.length; i += BATCH)
      await manager
        .getRepository(SurveyEnterprise)
        .insert(enterprises.slice(i, i + BATCH).map((e) => ({ surveyId, ...e })));
    return true;
  }

  enterprisesOf(surveyId: number): Promise<SurveyEnterprise[]> {
    return this.enterprises.find({ where: { surveyId }, order: { enterpriseId: 'ASC' } });
  }

  async targetedAmong(surveyId: number, enterpriseIds: number[]): Promise<SurveyEnterprise[]> {
    if (enterpriseIds.length === 0) return [];
    return this.enterprises.find({ where: { surveyId, enterpriseId: In(enterpriseIds) } });
  }

  // --- responses --------------------------------------------------------------------------------

  /** Which of the surveys the worker answered. */
  async answeredBy(workerId: number, surveyIds: number[]): Promise<Set<number>> {
    if (surveyIds.length === 0) return new Set();
    const rows = await this.responses.find({
      select: { surveyId: true },
      where: { workerId, surveyId: In(surveyIds) },
    });
    return new Set(rows.map((r) => r.surveyId));
  }

  /**
   * Stores a response with its answers; false when the worker (or the code's holder) answered
   * already — the unique keys decide, so two submits at once store one response.
   */
  async insertResponse(
    manager: EntityManager,
    response: Omit<SurveyResponse, 'id'>,
    rows: AnswerRow[],
  ): Promise<SurveyResponse | null> {
    let saved: SurveyResponse;
    try {
      saved = await manager
        .getRepository(SurveyResponse)
        .save(manager.getRepository(SurveyResponse).create(response));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    for (let i = 0; i < rows.length; i += BATCH)
      await manager
        .getRepository(SurveyAnswer)
        .insert(rows.slice(i, i + BATCH).map((r) => ({ responseId: saved.id, ...r })));
    return saved;
  }

  /** Respondents per enterprise of the survey. */
  async respondents(surveyId: number): Promise<RespondentRow[]> {
    const rows = await this.responses
      .createQueryBuilder('r')
      .select(['r.enterprise_id AS enterpriseId', 'r.unit_id AS unitId', 'COUNT(*) AS n'])
      .where('r.survey_id = :surveyId', { surveyId })
      .groupBy('r.enterprise_id')
      .addGroupBy('r.unit_id')
      .getRawMany<{ enterpriseId: number; unitId: number; n: number }>();
    return rows.map((r) => ({
      enterpriseId: Number(r.enterpriseId),
      unitId: Number(r.unitId),
      respondents: Number(r.n),
    }));
  }

  /** Counts of each choice of each question among the responses of some enterprises (all when null). */
  async answerCounts(surveyId: number, enterpriseIds: number[] | null): Promise<AnswerCounts> {
    const counts: AnswerCounts = { choices: new Map(), answered: new Map() };
    if (enterpriseIds !== null && enterpriseIds.length === 0) return counts;
    const base = () => {
      const query = this.answers
        .createQueryBuilder('a')
        .innerJoin(SurveyResponse, 'r', 'r.id = a.response_id')
        .where('r.survey_id = :surveyId', { surveyId });
      if (enterpriseIds !== null) query.andWhere('r.enterprise_id IN (:...enterpriseIds)', { enterpriseIds });
      return query;
    };
    const choices = await base()
      .andWhere('a.choice IS NOT NULL')
      .select(['a.question_id AS questionId', 'a.choice AS choice', 'COUNT(*) AS n'])
      .groupBy('a.question_id')
      .addGroupBy('a.choice')
      .getRawMany<{ questionId: number; choice: number; n: number }>();
    for (const r of choices) {
      const map = counts.choices.get(Number(r.questionId)) ?? new Map<number, number>();
      map.set(Number(r.choice), Number(r.n));
      counts.choices.set(Number(r.questionId), map);
    }
    const answered = await base()
      .select(['a.question_id AS questionId', 'COUNT(DISTINCT a.response_id) AS n'])
      .groupBy('a.question_id')
      .getRawMany<{ questionId: number; n: number }>();
    for (const r of answered) counts.answered.set(Number(r.questionId), Number(r.n));
    return counts;
  }

  /** How many responses the enterprises gave (all of the survey's when null). */
  async responseCount(surveyId: number, enterpriseIds: number[] | null): Promise<number> {
    if (enterpriseIds !== null && enterpriseIds.length === 0) return 0;
    return this.responses.count({
      where: { surveyId, ...(enterpriseIds === null ? {} : { enterpriseId: In(enterpriseIds) }) },
    });
  }

  /** The short-text answers to a question, without who wrote them, newest last. */
  async textAnswers(surveyId: number, questionId: number, enterpriseIds: number[] | null, limit: number) {
    if (enterpriseIds !== null && enterpriseIds.length === 0) return [];
    const query = this.answers
      .createQueryBuilder('a')
      .innerJoin(SurveyResponse, 'r', 'r.id = a.response_id')
      .select('a.text', 'text')
      .where('r.survey_id = :surveyId AND a.question_id = :questionId', { surveyId, questionId })
      .andWhere('a.text IS NOT NULL');
    if (enterpriseIds !== null) query.andWhere('r.enterprise_id IN (:...enterpriseIds)', { enterpriseIds });
    const rows = await query.orderBy('a.id', 'ASC').limit(limit).getRawMany<{ text: string }>();
    return rows.map((r) => r.text);
  }

  // --- codes ----------------------------------------------------------------------------------

  async insertCodes(rows: Omit<SurveyCode, 'id' | 'createdAt' | 'usedAt'>[]): Promise<void> {
    await this.codes.manager.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += BATCH)
        await manager
          .getRepository(SurveyCode)
          .insert(rows.slice(i, i + BATCH).map((r) => ({ ...r, usedAt: null })));
    });
  }

  findCode(codeHash: string): Promise<SurveyCode | null> {
    return this.codes.findOne({ where: { codeHash } });
  }

  /** Marks the code used; false when it was used already (by another request at the same time too). */
  async useCode(manager: EntityManager, id: number, at: Date): Promise<boolean> {
    const result = await manager.getRepository(SurveyCode).update({ id, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Codes issued and used per enterprise of the survey. */
  async codeCounts(
    surveyId: number,
    enterpriseIds: number[],
  ): Promise<Map<number, { issued: number; used: number }>> {
    if (enterpriseIds.length === 0) return new Map();
    const rows = await this.codes
      .createQueryBuilder('c')
      .select(['c.enterprise_id AS enterpriseId', 'COUNT(*) AS issued', 'COUNT(c.used_at) AS used'])
      .where('c.survey_id = :surveyId AND c.enterprise_id IN (:...enterpriseIds)', {
        surveyId,
        enterpriseIds,
      })
      .groupBy('c.enterprise_id')
      .getRawMany<{ enterpriseId: number; issued: number; used: number }>();
    return new Map(
      rows.map((r) => [Number(r.enterpriseId), { issued: Number(r.issued), used: Number(r.used) }]),
    );
  }

  /** Wrong codes typed from the address since the moment. */
  failedAttempts(addressKey: string, since: Date): Promise<number> {
    return this.attempts.count({ where: { addressKey, attemptedAt: MoreThanOrEqual(since) } });
  }

  /** Counts a wrong code, and forgets the attempts older than a day. */
  async recordFailedAttempt(addressKey: string, at: Date): Promise<void> {
    await this.attempts.insert({ addressKey, attemptedAt: at });
    await this.attempts.delete({ attemptedAt: LessThan(new Date(at.getTime() - 86_400_000)) });
  }

  // --- personal data ------------------------------------------------------------------------

  /** A worker's own answers, with the survey and the question. */
  ownAnswers(workerId: number): Promise<OwnAnswerRow[]> {
    return this.responses
      .createQueryBuilder('r')
      .innerJoin(Survey, 's', 's.id = r.survey_id')
      .innerJoin(SurveyAnswer, 'a', 'a.response_id = r.id')
      .innerJoin(SurveyQuestion, 'q', 'q.id = a.question_id')
      .select([
        'r.id AS response_id',
        'r.survey_id AS survey_id',
        's.title AS survey_title',
        'r.submitted_at AS submitted_at',
        'q.text AS question',
        'q.kind AS kind',
        'q.options AS options',
        'a.choice AS choice',
        'a.text AS text',
      ])
      .where('r.worker_id = :workerId', { workerId })
      .orderBy('r.id', 'ASC')
      .addOrderBy('q.position', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<OwnAnswerRow>();
  }

  /** Detaches the worker's responses from them; the answers stay in the aggregate. */
  async detach(manager: EntityManager, workerId: number): Promise<void> {
    await manager.getRepository(SurveyResponse).update({ workerId }, { workerId: null });
  }
}
