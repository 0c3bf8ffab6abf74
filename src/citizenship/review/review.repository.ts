import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { dateTime, lockForUpdate, lockRow } from '../../database/dialect';
import { leftJoinEnterprise, leftJoinUnitOfEnterprise } from '../../organisations/enterprise-joins';
import { EnterpriseScope, whereEnterpriseInScope } from '../../organisations/enterprise-scope';
import { selectWorkerName, whereWorkerNameContains } from '../../workers/workforce-filters';
import {
  AnswerReview,
  ApplicationStatus,
  CitizenshipAnswer,
  CitizenshipApplication,
  LearningPlanItem,
} from '../entities/application.entity';
import { CitizenshipAuditEntry } from '../entities/audit-entry.entity';
import { CriteriaGroup, CriteriaSet, Criterion } from '../entities/criteria-set.entity';
import { CitizenshipEvaluation } from '../entities/evaluation.entity';
import { Recognition, RecognitionStatus } from '../entities/recognition.entity';
import { ReasonEvaluation, ReasonSet } from './ineligibility';
import {
  CONFIRMED_STATUSES,
  DECIDED_ELIGIBLE_STATUSES,
  RECOGNISED_STATUSES,
  SUBMITTED_STATUSES,
} from './review.rules';

/** One line of a review queue: the application, its worker and enterprise, its latest evaluation. */
export interface ReviewListRow {
  id: number;
  workerId: number;
  workerName: string;
  enterpriseId: number | null;
  enterpriseName: string | null;
  year: number;
  status: ApplicationStatus;
  submittedAt: Date | null;
  confirmedAt: Date | null;
  totalPoints: number | null;
  passMark: number | null;
  eligible: boolean | null;
  evaluatedAt: Date | null;
}

export interface QueueFilter {
  statuses: readonly ApplicationStatus[];
  /** Only applications whose latest evaluation is (true) or is not (false) eligible. */
  eligible?: boolean;
  year?: number;
  /** Folded fragment of the worker's name. */
  nameKey?: string;
}

export interface AnswerRow {
  applicationId: number;
  criterionCode: string;
  criterionTitle: string | null;
  statement: string;
  reviewStatus: AnswerReview;
  reviewComment: string | null;
  reviewedAt: Date | null;
}

export interface CriterionRow {
  code: string;
  title: string;
  points: number;
  evidence: string;
  groupCode: string;
  groupName: string;
}

export type FunnelLevel = 'enterprise' | 'unit';

/** Counts of one enterprise or unit (id null: applications without an enterprise). */
export interface FunnelCounts {
  registered: number;
  submitted: number;
  eligible: number;
  confirmed: number;
  recognised: number;
}

export interface FunnelGroupRow extends FunnelCounts {
  id: number | null;
  name: string | null;
  unitName: string | null;
}

export type NewRecognition = Omit<Recognition, 'id' | 'createdAt' | 'updatedAt'>;

/** Every query of the review chain, the recognitions and the funnel report. */
@Injectable()
export class ReviewRepository {
  constructor(
    @InjectRepository(CitizenshipApplication)
    private readonly applications: Repository<CitizenshipApplication>,
    @InjectRepository(CitizenshipAnswer) private readonly answers: Repository<CitizenshipAnswer>,
    @InjectRepository(CitizenshipEvaluation) private readonly evaluations: Repository<CitizenshipEvaluation>,
    @InjectRepository(Recognition) private readonly recognitions: Repository<Recognition>,
    @InjectRepository(CitizenshipAuditEntry) private readonly audit: Repository<CitizenshipAuditEntry>,
  ) {}

  // --- applications ----------------------------------------------------------------------------

  findApplication(
    id: number,
    manager: EntityManager = this.applications.manager,
  ): Promise<CitizenshipApplication | null> {
    return manager.getRepository(CitizenshipApplication).findOne({ where: { id } });
  }

  /** The application when its enterprise is in scope and its status is one of those given. */
  findInScope(
    id: number,
    scope: EnterpriseScope,
    statuses: readonly ApplicationStatus[],
  ): Promise<CitizenshipApplication | null> {
    const query = this.applications
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .andWhere('a.status IN (:...statuses)', { statuses });
    return whereEnterpriseInScope(query, 'a.enterprise_id', scope).getOne();
  }

  async page(
    filter: QueueFilter,
    scope: EnterpriseScope,
    skip: number,
    take: number,
  ): Promise<[ReviewListRow[], number]> {
    const rows = await this.selectRows(this.filtered(filter, scope))
      .orderBy('a.submitted_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    return [rows.map(listRow), await this.filtered(filter, scope).getCount()];
  }

  /** Changes the application only if it is still in one of the `from` statuses; false when it was not. */
  async transition(
    manager: EntityManager,
    id: number,
    from: readonly ApplicationStatus[],
    fields: Partial<Pick<CitizenshipApplication, 'status' | 'confirmedAt' | 'confirmedBy' | 'returnComment'>>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CitizenshipApplication)
      .set(fields)
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  // --- declared answers ------------------------------------------------------------------------

  answersOf(
    applicationId: number,
    manager: EntityManager = this.answers.manager,
  ): Promise<CitizenshipAnswer[]> {
    return manager
      .getRepository(CitizenshipAnswer)
      .find({ where: { applicationId }, order: { criterionCode: 'ASC' } });
  }

  /** The answers of several applications with their criterion's title, for a queue page. */
  async answerRows(applicationIds: number[]): Promise<AnswerRow[]> {
    if (applicationIds.length === 0) return [];
    const rows = await this.answers
      .createQueryBuilder('ans')
      .innerJoin(CitizenshipApplication, 'a', 'a.id = ans.application_id')
      .leftJoin(CitizenshipEvaluation, 'ev', 'ev.application_id = a.id')
      .leftJoin(
        Criterion,
        'c',
        'c.set_id = COALESCE(ev.criteria_set_id, a.criteria_set_id) AND c.code = ans.criterion_code',
      )
      .select([
        'ans.application_id AS applicationId',
        'ans.criterion_code AS criterionCode',
        'c.title AS criterionTitle',
        'ans.statement AS statement',
        'ans.review_status AS reviewStatus',
        'ans.review_comment AS reviewComment',
        'ans.reviewed_at AS reviewedAt',
      ])
      .where('ans.application_id IN (:...applicationIds)', { applicationIds })
      .orderBy('ans.application_id', 'ASC')
      .addOrderBy('ans.criterion_code', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      applicationId: Number(r.applicationId),
      criterionCode: String(r.criterionCode),
      criterionTitle: r.criterionTitle == null ? null : String(r.criterionTitle),
      statement: String(r.statement),
      reviewStatus: r.reviewStatus as AnswerReview,
      reviewComment: r.reviewComment == null ? null : String(r.reviewComment),
      reviewedAt: dateTime(r.reviewedAt),
    }));
  }

  async setAnswerReview(
    manager: EntityManager,
    applicationId: number,
    criterionCode: string,
    fields: Pick<CitizenshipAnswer, 'reviewStatus' | 'reviewComment' | 'reviewedBy' | 'reviewedAt'>,
  ): Promise<void> {
    await manager.getRepository(CitizenshipAnswer).update({ applicationId, criterionCode }, fields);
  }

  /** Confirms every answer still waiting; returns their codes. */
  async confirmPendingAnswers(
    manager: EntityManager,
    applicationId: number,
    reviewedBy: number,
    reviewedAt: Date,
  ): Promise<string[]> {
    const repo = manager.getRepository(CitizenshipAnswer);
    const pending = await repo.find({ where: { applicationId, reviewStatus: AnswerReview.Pending } });
    if (pending.length === 0) return [];
    await repo.update(
      { applicationId, reviewStatus: AnswerReview.Pending },
      { reviewStatus: AnswerReview.Confirmed, reviewComment: null, reviewedBy, reviewedAt },
    );
    return pending.map((a) => a.criterionCode).sort();
  }

  // --- evaluation and evidence -----------------------------------------------------------------

  evaluationOf(
    applicationId: number,
    manager: EntityManager = this.evaluations.manager,
  ): Promise<CitizenshipEvaluation | null> {
    return manager
      .getRepository(CitizenshipEvaluation)
      .findOne({ where: { applicationId }, relations: { items: true } });
  }

  async passMarkOf(criteriaSetId: number): Promise<number | null> {
    const row = await this.applications.manager
      .createQueryBuilder()
      .select('cs.pass_mark', 'passMark')
      .from('criteria_sets', 'cs')
      .where('cs.id = :criteriaSetId', { criteriaSetId })
      .getRawOne<{ passMark: number }>();
    return row ? Number(row.passMark) : null;
  }

  async criteriaOf(criteriaSetId: number): Promise<CriterionRow[]> {
    const rows = await this.applications.manager
      .getRepository(Criterion)
      .createQueryBuilder('c')
      .innerJoin(CriteriaGroup, 'g', 'g.id = c.group_id')
      .select([
        'c.code AS code',
        'c.title AS title',
        'c.points AS points',
        'c.evidence AS evidence',
        'g.code AS groupCode',
        'g.name AS groupName',
      ])
      .where('c.set_id = :criteriaSetId', { criteriaSetId })
      .orderBy('g.position', 'ASC')
      .addOrderBy('c.position', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      code: String(r.code),
      title: String(r.title),
      points: Number(r.points),
      evidence: String(r.evidence),
      groupCode: String(r.groupCode),
      groupName: String(r.groupName),
    }));
  }

  /** Criteria versions as the ineligibility reasons need them: pass mark, groups with their criteria. */
  async reasonSets(setIds: number[]): Promise<Map<number, ReasonSet>> {
    const ids = [...new Set(setIds)];
    const sets = new Map<number, ReasonSet>();
    if (ids.length === 0) return sets;
    const manager = this.applications.manager;
    const [marks, groups, criteria] = await Promise.all([
      manager
        .getRepository(CriteriaSet)
        .find({ where: { id: In(ids) }, select: { id: true, passMark: true } }),
      manager.getRepository(CriteriaGroup).find({ where: { setId: In(ids) }, order: { position: 'ASC' } }),
      manager
        .getRepository(Criterion)
        .find({ where: { setId: In(ids) }, select: { groupId: true, code: true, points: true } }),
    ]);
    for (const set of marks) sets.set(set.id, { passMark: Number(set.passMark), groups: [] });
    for (const group of groups)
      sets.get(group.setId)?.groups.push({
        code: group.code,
        name: group.name,
        minPoints: group.minPoints == null ? null : Number(group.minPoints),
        criteria: criteria
          .filter((c) => c.groupId === group.id)
          .map((c) => ({ code: c.code, points: Number(c.points) })),
      });
    return sets;
  }

  /** The latest evaluation of each application that has one, with its points per criterion. */
  async reasonEvaluations(
    applicationIds: number[],
  ): Promise<Map<number, ReasonEvaluation & { criteriaSetId: number }>> {
    const found = new Map<number, ReasonEvaluation & { criteriaSetId: number }>();
    if (applicationIds.length === 0) return found;
    const evaluations = await this.evaluations.find({
      where: { applicationId: In(applicationIds) },
      relations: { items: true },
    });
    for (const ev of evaluations)
      found.set(ev.applicationId, {
        criteriaSetId: ev.criteriaSetId,
        eligible: Boolean(ev.eligible),
        totalPoints: Number(ev.totalPoints),
        points: new Map((ev.items ?? []).map((i) => [i.criterionCode, Number(i.points)])),
        stored: ev.reasons ?? [],
      });
    return found;
  }

  planOf(applicationId: number): Promise<LearningPlanItem[]> {
    return this.applications.manager
      .getRepository(LearningPlanItem)
      .find({ where: { applicationId }, order: { domainCode: 'ASC' } });
  }

  // --- audit trail -----------------------------------------------------------------------------

  /** The application's audit trail, oldest first; the service names the actors. */
  history(applicationId: number): Promise<CitizenshipAuditEntry[]> {
    return this.audit.find({ where: { applicationId }, order: { id: 'ASC' } });
  }

  // --- recognitions ----------------------------------------------------------------------------

  recognitionOf(
    applicationId: number,
    manager: EntityManager = this.recognitions.manager,
  ): Promise<Recognition | null> {
    return manager.getRepository(Recognition).findOne({ where: { applicationId } });
  }

  /**
   * The highest certificate number issued under a prefix. On MySQL the branch is locked first and
   * the number read with a locking read (the latest committed, not the transaction's snapshot), so
   * recognitions in one branch at the same moment take numbers one after the other instead of all
   * taking the same one and failing on the unique number. SQLite runs one transaction at a time.
   */
  async lastCertificateNumber(
    manager: EntityManager,
    prefix: string,
    branchId?: number,
  ): Promise<string | null> {
    if (branchId !== undefined) await lockRow(manager, 'association_branches', branchId);
    const query = manager
      .getRepository(Recognition)
      .createQueryBuilder('r')
      .select('r.certificate_no', 'no')
      .where('r.certificate_no LIKE :prefix', { prefix: `${prefix}%` })
      .orderBy('r.certificate_no', 'DESC')
      .limit(1);
    const row = await lockForUpdate(query).getRawOne<{ no: string }>();
    return row?.no ?? null;
  }

  async insertRecognition(manager: EntityManager, fields: NewRecognition): Promise<Recognition> {
    const repo = manager.getRepository(Recognition);
    return repo.save(repo.create(fields));
  }

  async revokeRecognition(
    manager: EntityManager,
    applicationId: number,
    fields: Pick<Recognition, 'revokedBy' | 'revokedAt' | 'revokeReason'>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Recognition)
      .set({ ...fields, status: RecognitionStatus.Revoked })
      .where('application_id = :applicationId', { applicationId })
      .andWhere('status = :valid', { valid: RecognitionStatus.Valid })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  recognitionByVerifyCode(verifyCode: string): Promise<Recognition | null> {
    return this.recognitions.findOne({ where: { verifyCode } });
  }

  recognitionById(id: number): Promise<Recognition | null> {
    return this.recognitions.findOne({ where: { id } });
  }

  /** A worker's titles, newest year first. */
  recognitionsOfWorker(workerId: number): Promise<Recognition[]> {
    return this.recognitions.find({ where: { workerId }, order: { year: 'DESC' } });
  }

  // --- funnel ----------------------------------------------------------------------------------

  /**
   * One GROUP BY over the year's applications joined 1:1 to their evaluation: each stage is a SUM
   * of a CASE built from the status lists of review.rules (the same lists funnelStagesOf uses).
   */
  async funnel(year: number, level: FunnelLevel, scope: EnterpriseScope): Promise<FunnelGroupRow[]> {
    const submitted = 'a.status IN (:...submittedStatuses)';
    const eligible = `${submitted} AND (ev.eligible = 1 OR a.status IN (:...decidedStatuses))`;
    const confirmed = `${eligible} AND a.status IN (:...confirmedStatuses)`;
    const recognised = `${confirmed} AND a.status IN (:...recognisedStatuses)`;
    const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const query = this.applications
      .createQueryBuilder('a')
      .leftJoin(CitizenshipEvaluation, 'ev', 'ev.application_id = a.id')
      .where('a.year = :year', { year })
      .setParameters({
        submittedStatuses: SUBMITTED_STATUSES,
        decidedStatuses: DECIDED_ELIGIBLE_STATUSES,
        confirmedStatuses: CONFIRMED_STATUSES,
        recognisedStatuses: RECOGNISED_STATUSES,
      });
    leftJoinUnitOfEnterprise(leftJoinEnterprise(query, 'a.enterprise_id', 'e'), 'e', 'u');
    whereEnterpriseInScope(query, 'a.enterprise_id', scope);
    if (level === 'enterprise') {
      query
        .select(['a.enterprise_id AS id', 'e.name AS name', 'u.name AS unitName'])
        .groupBy('a.enterprise_id')
        .addGroupBy('e.name')
        .addGroupBy('u.name');
    } else {
      query.select(['u.id AS id', 'u.name AS name', 'NULL AS unitName']).groupBy('u.id').addGroupBy('u.name');
    }
    const rows = await query
      .addSelect('COUNT(*)', 'registered')
      .addSelect(sum(submitted), 'submitted')
      .addSelect(sum(eligible), 'eligible')
      .addSelect(sum(confirmed), 'confirmed')
      .addSelect(sum(recognised), 'recognised')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: r.id == null ? null : Number(r.id),
      name: r.name == null ? null : String(r.name),
      unitName: r.unitName == null ? null : String(r.unitName),
      registered: Number(r.registered ?? 0),
      submitted: Number(r.submitted ?? 0),
      eligible: Number(r.eligible ?? 0),
      confirmed: Number(r.confirmed ?? 0),
      recognised: Number(r.recognised ?? 0),
    }));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private filtered(filter: QueueFilter, scope: EnterpriseScope): SelectQueryBuilder<CitizenshipApplication> {
    const query = this.applications
      .createQueryBuilder('a')
      .leftJoin(CitizenshipEvaluation, 'ev', 'ev.application_id = a.id')
      .where('a.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.eligible === true) query.andWhere('ev.eligible = 1');
    if (filter.eligible === false) query.andWhere('(ev.id IS NULL OR ev.eligible = 0)');
    if (filter.year) query.andWhere('a.year = :year', { year: filter.year });
    if (filter.nameKey) whereWorkerNameContains(query, 'a.worker_id', filter.nameKey);
    return whereEnterpriseInScope(query, 'a.enterprise_id', scope);
  }

  private selectRows(
    query: SelectQueryBuilder<CitizenshipApplication>,
  ): SelectQueryBuilder<CitizenshipApplication> {
    leftJoinEnterprise(query, 'a.enterprise_id', 'e');
    query
      .leftJoin('criteria_sets', 'cs', 'cs.id = ev.criteria_set_id')
      .select([
        'a.id AS id',
        'a.worker_id AS workerId',
        'a.enterprise_id AS enterpriseId',
        'e.name AS enterpriseName',
        'a.year AS year',
        'a.status AS status',
        'a.submitted_at AS submittedAt',
        'a.confirmed_at AS confirmedAt',
        'ev.total_points AS totalPoints',
        'cs.pass_mark AS passMark',
        'ev.eligible AS eligible',
        'ev.evaluated_at AS evaluatedAt',
      ]);
    // The worker's name (as workerName) through the workers domain's join, after select() replaced the columns.
    return selectWorkerName(query, 'a.worker_id');
  }
}

function listRow(r: Record<string, unknown>): ReviewListRow {
  return {
    id: Number(r.id),
    workerId: Number(r.workerId),
    workerName: String(r.workerName),
    enterpriseId: r.enterpriseId == null ? null : Number(r.enterpriseId),
    enterpriseName: r.enterpriseName == null ? null : String(r.enterpriseName),
    year: Number(r.year),
    status: r.status as ApplicationStatus,
    submittedAt: dateTime(r.submittedAt),
    confirmedAt: dateTime(r.confirmedAt),
    totalPoints: r.totalPoints == null ? null : Number(r.totalPoints),
    passMark: r.passMark == null ? null : Number(r.passMark),
    eligible: r.eligible == null ? null : Number(r.eligible) === 1 || r.eligible === true,
    evaluatedAt: dateTime(r.evaluatedAt),
  };
}
