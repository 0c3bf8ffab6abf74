import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MessageRef } from '../../../common/i18n/messages';
import { LearningSession } from '../../../activities/entities/learning-session.entity';
import { WorkerLearningYear } from '../../../learning-records/entities/worker-learning-summary.entity';
import { EnterpriseScope, whereEnterpriseInScope } from '../../../organisations/enterprise-scope';
import { Enterprise } from '../../../organisations/entities/enterprise.entity';
import { Worker } from '../../../workers/entities/worker.entity';
import {
  AnswerReview,
  ApplicationStatus,
  CitizenshipAnswer,
  CitizenshipApplication,
  LearningPlanItem,
} from '../../entities/application.entity';
import { CitizenshipAuditEntry } from '../../entities/audit-entry.entity';
import { CitizenshipAuditAction } from '../../audit-trail';
import {
  CitizenshipEvaluation,
  CitizenshipEvaluationItem,
  ItemState,
} from '../../entities/evaluation.entity';
import { ItemEvidence } from './evaluate';

/** Applications whose evaluation may still change; decided ones keep the evaluation they were decided on. */
export const EVALUATED_STATUSES: ApplicationStatus[] = [
  ApplicationStatus.Registered,
  ApplicationStatus.Submitted,
  ApplicationStatus.Returned,
  ApplicationStatus.Confirmed,
];

/** An application to evaluate, with its worker's login (to notify them). */
export interface ApplicationToEvaluate {
  id: number;
  workerId: number;
  year: number;
  userId: number | null;
}

/** The stored evaluation of an application, as far as deciding whether to write again needs. */
export interface StoredOutcome {
  id: number;
  applicationId: number;
  criteriaSetId: number;
  totalPoints: number;
  eligible: boolean;
  inputHash: string;
}

export interface EvaluationWrite {
  applicationId: number;
  criteriaSetId: number;
  totalPoints: number;
  eligible: boolean;
  reasons: MessageRef[];
  inputHash: string;
  items: {
    criterionCode: string;
    points: number;
    met: boolean;
    state: ItemState;
    evidence: ItemEvidence | null;
  }[];
}

export interface AuditWrite {
  applicationId: number;
  action: CitizenshipAuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** Rows per multi-row INSERT: items have six columns, evaluations seven; SQLite binds at most 32,766. */
const ITEMS_PER_INSERT = 5000;
const EVALUATIONS_PER_INSERT = 4000;

const toInt = (v: unknown) => Number(v);

/**
 * Everything the evaluation reads and writes, a chunk of applications at a time: each read is one
 * query for the whole chunk (WHERE … IN), whatever its size, and the writes are multi-row statements.
 */
@Injectable()
export class EvaluationsRepository {
  constructor(
    @InjectRepository(CitizenshipApplication)
    private readonly applications: Repository<CitizenshipApplication>,
    @InjectRepository(CitizenshipEvaluation) private readonly evaluations: Repository<CitizenshipEvaluation>,
  ) {}

  private get manager(): EntityManager {
    return this.applications.manager;
  }

  private evaluable(scope: EnterpriseScope, year: number): SelectQueryBuilder<CitizenshipApplication> {
    const query = this.applications
      .createQueryBuilder('a')
      .where('a.year = :year', { year })
      .andWhere('a.status IN (:...statuses)', { statuses: EVALUATED_STATUSES });
    return whereEnterpriseInScope(query, 'a.enterprise_id', scope);
  }

  countForBatch(year: number, scope: EnterpriseScope): Promise<number> {
    return this.evaluable(scope, year).getCount();
  }

  /** The next chunk of a year's applications in scope, by id (keyset paging: no OFFSET scans). */
  async chunkForBatch(
    year: number,
    scope: EnterpriseScope,
    afterId: number,
    size: number,
  ): Promise<ApplicationToEvaluate[]> {
    const rows = await this.evaluable(scope, year)
      .innerJoin(Worker, 'w', 'w.id = a.worker_id')
      .select(['a.id AS id', 'a.worker_id AS workerId', 'a.year AS year', 'w.user_id AS userId'])
      .andWhere('a.id > :afterId', { afterId })
      .orderBy('a.id', 'ASC')
      .limit(size)
      .getRawMany<Record<string, unknown>>();
    return rows.map(applicationRow);
  }

  /** Applications to evaluate among some ids, or of one worker. */
  async applicationsToEvaluate(
    filter: { ids: number[] } | { workerId: number },
  ): Promise<ApplicationToEvaluate[]> {
    const query = this.applications
      .createQueryBuilder('a')
      .innerJoin(Worker, 'w', 'w.id = a.worker_id')
      .select(['a.id AS id', 'a.worker_id AS workerId', 'a.year AS year', 'w.user_id AS userId'])
      .where('a.status IN (:...statuses)', { statuses: EVALUATED_STATUSES })
      .orderBy('a.id', 'ASC');
    if ('ids' in filter) {
      if (filter.ids.length === 0) return [];
      query.andWhere('a.id IN (:...ids)', { ids: filter.ids });
    } else query.andWhere('a.worker_id = :workerId', { workerId: filter.workerId });
    return (await query.getRawMany<Record<string, unknown>>()).map(applicationRow);
  }

  /** The kind of each of some in-person sessions. */
  async sessionKinds(sessionIds: number[]): Promise<Map<number, string>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.manager
      .getRepository(LearningSession)
      .find({ select: { id: true, kind: true }, where: { id: In(sessionIds) } });
    return new Map(rows.map((s) => [Number(s.id), s.kind]));
  }

  /** Learning hours of some workers in a year, from their per-year summary rows. */
  async yearHours(workerIds: number[], year: number): Promise<Map<number, number>> {
    if (workerIds.length === 0) return new Map();
    const rows = await this.manager
      .getRepository(WorkerLearningYear)
      .find({ select: { workerId: true, hours: true }, where: { workerId: In(workerIds), year } });
    return new Map(rows.map((r) => [Number(r.workerId), Number(r.hours)]));
  }

  /** Which of some applications have a saved learning plan (at least one item). */
  async withPlan(applicationIds: number[]): Promise<Set<number>> {
    if (applicationIds.length === 0) return new Set();
    const rows = await this.manager
      .getRepository(LearningPlanItem)
      .createQueryBuilder('p')
      .select('DISTINCT p.application_id', 'applicationId')
      .where('p.application_id IN (:...applicationIds)', { applicationIds })
      .getRawMany<{ applicationId: number }>();
    return new Set(rows.map((r) => Number(r.applicationId)));
  }

  /** Declared answers of some applications: which criterion, and how the officer reviewed it. */
  async answers(
    applicationIds: number[],
  ): Promise<{ applicationId: number; criterionCode: string; review: AnswerReview }[]> {
    if (applicationIds.length === 0) return [];
    const rows = await this.manager.getRepository(CitizenshipAnswer).find({
      select: { applicationId: true, criterionCode: true, reviewStatus: true },
      where: { applicationId: In(applicationIds) },
    });
    return rows.map((a) => ({
      applicationId: Number(a.applicationId),
      criterionCode: a.criterionCode,
      review: a.reviewStatus,
    }));
  }

  async storedOutcomes(applicationIds: number[]): Promise<Map<number, StoredOutcome>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await this.evaluations.find({
      select: {
        id: true,
        applicationId: true,
        criteriaSetId: true,
        totalPoints: true,
        eligible: true,
        inputHash: true,
      },
      where: { applicationId: In(applicationIds) },
    });
    return new Map(
      rows.map((e) => [
        Number(e.applicationId),
        {
          id: Number(e.id),
          applicationId: Number(e.applicationId),
          criteriaSetId: Number(e.criteriaSetId),
          totalPoints: Number(e.totalPoints),
          eligible: Boolean(e.eligible),
          inputHash: e.inputHash,
        },
      ]),
    );
  }

  /**
   * Replaces the evaluations of a chunk of applications inside the caller's transaction: one upsert
   * keyed by application (an evaluation keeps its id across runs), their items deleted and inserted
   * again, then the audit entries of the outcomes that changed, each as one statement.
   */
  async store(
    manager: EntityManager,
    writes: EvaluationWrite[],
    at: Date,
    audits: AuditWrite[],
  ): Promise<void> {
    if (writes.length === 0) return;
    const applicationIds = writes.map((w) => w.applicationId);
    for (const batch of chunks(writes, EVALUATIONS_PER_INSERT)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CitizenshipEvaluation)
        .values(
          batch.map((w) => ({
            applicationId: w.applicationId,
            criteriaSetId: w.criteriaSetId,
            totalPoints: w.totalPoints,
            eligible: w.eligible,
            reasons: w.reasons,
            inputHash: w.inputHash,
            evaluatedAt: at,
          })),
        )
        .orUpdate(
          ['criteria_set_id', 'total_points', 'eligible', 'reasons', 'input_hash', 'evaluated_at'],
          ['application_id'],
        )
        .execute();
    }
    const ids = await manager
      .getRepository(CitizenshipEvaluation)
      .find({ select: { id: true, applicationId: true }, where: { applicationId: In(applicationIds) } });
    const idOf = new Map(ids.map((e) => [Number(e.applicationId), Number(e.id)]));
    await manager.getRepository(CitizenshipEvaluationItem).delete({ evaluationId: In([...idOf.values()]) });
    const items = writes.flatMap((w) =>
      w.items.map((item) => ({ ...item, evaluationId: idOf.get(w.applicationId)! })),
    );
    for (const batch of chunks(items, ITEMS_PER_INSERT)) {
      await manager.createQueryBuilder().insert().into(CitizenshipEvaluationItem).values(batch).execute();
    }
    if (audits.length > 0) {
      // The same append-only rows AuditTrail.write adds one at a time (system steps: no actor).
      await manager.getRepository(CitizenshipAuditEntry).insert(
        audits.map((a) => ({
          applicationId: a.applicationId,
          actorUserId: null,
          action: a.action,
          beforeState: a.before,
          afterState: a.after,
          comment: null,
          at,
        })) as QueryDeepPartialEntity<CitizenshipAuditEntry>[],
      );
    }
  }

  /** Enterprises in a scope (the batch form's choices), by name; at most `limit`. */
  async enterprisesIn(scope: EnterpriseScope, limit: number): Promise<{ id: number; name: string }[]> {
    const query = this.manager
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .select(['e.id AS id', 'e.name AS name'])
      .orderBy('e.search_key', 'ASC')
      .limit(limit);
    const rows = await whereEnterpriseInScope(query, 'e.id', scope).getRawMany<{
      id: number;
      name: string;
    }>();
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
  }

  async enterpriseInScope(id: number, scope: EnterpriseScope): Promise<boolean> {
    const query = this.manager.getRepository(Enterprise).createQueryBuilder('e').where('e.id = :id', { id });
    return (await whereEnterpriseInScope(query, 'e.id', scope).getCount()) > 0;
  }

  /** The stored evaluation of an application with its items. */
  evaluationOf(applicationId: number): Promise<CitizenshipEvaluation | null> {
    return this.evaluations.findOne({ where: { applicationId }, relations: { items: true } });
  }
}

function applicationRow(r: Record<string, unknown>): ApplicationToEvaluate {
  return {
    id: toInt(r.id),
    workerId: toInt(r.workerId),
    year: toInt(r.year),
    userId: r.userId === null || r.userId === undefined ? null : toInt(r.userId),
  };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
