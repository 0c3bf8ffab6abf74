import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { LearningRecord } from '../../../learning-records/entities/learning-record.entity';
import { DomainCode } from '../../../learning-records/learning-domains';
import {
  AnswerReview,
  ApplicationStatus,
  CitizenshipAnswer,
  CitizenshipApplication,
  LearningPlanItem,
} from '../../entities/application.entity';
import { CitizenshipEvaluation } from '../../entities/evaluation.entity';

/** One of a worker's applications in their list of years, with the latest evaluation's outcome. */
export interface ApplicationYearRow {
  id: number;
  year: number;
  status: ApplicationStatus;
  submittedAt: Date | null;
  totalPoints: number | null;
  eligible: boolean | null;
}

/** A learning record shown as evidence on the worker's checklist. */
export interface EvidenceRecord {
  id: number;
  title: string;
  occurredOn: string;
  hours: number;
}

export type NewApplication = Pick<
  CitizenshipApplication,
  'workerId' | 'year' | 'criteriaSetId' | 'status' | 'enterpriseId'
>;

/** Applications, their learning plans and declared answers. */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectRepository(CitizenshipApplication)
    private readonly applications: Repository<CitizenshipApplication>,
  ) {}

  findById(
    id: number,
    manager: EntityManager = this.applications.manager,
  ): Promise<CitizenshipApplication | null> {
    return manager.getRepository(CitizenshipApplication).findOne({ where: { id } });
  }

  findOfWorkerYear(
    workerId: number,
    year: number,
    manager: EntityManager = this.applications.manager,
  ): Promise<CitizenshipApplication | null> {
    return manager.getRepository(CitizenshipApplication).findOne({ where: { workerId, year } });
  }

  async hasApplications(workerId: number): Promise<boolean> {
    return this.applications.exists({ where: { workerId } });
  }

  /** The worker's applications, latest year first, with their evaluation's total and eligibility. */
  async yearsOf(workerId: number): Promise<ApplicationYearRow[]> {
    const rows = await this.applications
      .createQueryBuilder('a')
      .leftJoin(CitizenshipEvaluation, 'ev', 'ev.application_id = a.id')
      .select([
        'a.id AS id',
        'a.year AS year',
        'a.status AS status',
        'a.submitted_at AS submittedAt',
        'ev.total_points AS totalPoints',
        'ev.eligible AS eligible',
      ])
      .where('a.worker_id = :workerId', { workerId })
      .orderBy('a.year', 'DESC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      year: Number(r.year),
      status: r.status as ApplicationStatus,
      submittedAt: r.submittedAt ? new Date(r.submittedAt as string) : null,
      totalPoints: r.totalPoints === null || r.totalPoints === undefined ? null : Number(r.totalPoints),
      eligible: r.eligible === null || r.eligible === undefined ? null : Boolean(Number(r.eligible)),
    }));
  }

  insert(manager: EntityManager, fields: NewApplication): Promise<CitizenshipApplication> {
    const repo = manager.getRepository(CitizenshipApplication);
    return repo.save(
      repo.create({
        ...fields,
        submittedAt: null,
        confirmedAt: null,
        confirmedBy: null,
        returnComment: null,
      }),
    );
  }

  planOf(
    applicationId: number,
    manager: EntityManager = this.applications.manager,
  ): Promise<LearningPlanItem[]> {
    return manager.getRepository(LearningPlanItem).find({ where: { applicationId } });
  }

  async replacePlan(
    manager: EntityManager,
    applicationId: number,
    items: { domainCode: DomainCode; goal: string; plannedHours: number }[],
  ): Promise<void> {
    const repo = manager.getRepository(LearningPlanItem);
    await repo.delete({ applicationId });
    if (items.length > 0) await repo.insert(items.map((item) => ({ ...item, applicationId })));
  }

  answersOf(
    applicationId: number,
    manager: EntityManager = this.applications.manager,
  ): Promise<CitizenshipAnswer[]> {
    return manager.getRepository(CitizenshipAnswer).find({ where: { applicationId } });
  }

  /**
   * Stores a statement. A changed statement, or a returned one saved again, goes back to the officer
   * (PENDING, the officer's comment cleared: it stays in the trail).
   */
  async saveAnswer(
    manager: EntityManager,
    applicationId: number,
    criterionCode: string,
    statement: string,
  ): Promise<void> {
    const repo = manager.getRepository(CitizenshipAnswer);
    const existing = await repo.findOne({ where: { applicationId, criterionCode } });
    if (!existing) {
      await repo.insert({
        applicationId,
        criterionCode,
        statement,
        reviewStatus: AnswerReview.Pending,
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: null,
      });
      return;
    }
    if (existing.statement === statement && existing.reviewStatus !== AnswerReview.Returned) return;
    await repo.update(
      { applicationId, criterionCode },
      {
        statement,
        reviewStatus: AnswerReview.Pending,
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: null,
      },
    );
  }

  async deleteAnswer(manager: EntityManager, applicationId: number, criterionCode: string): Promise<void> {
    await manager.getRepository(CitizenshipAnswer).delete({ applicationId, criterionCode });
  }

  /** Moves an application from one of `from` to `to`; false when it was not in one of them (any more). */
  async moveStatus(
    manager: EntityManager,
    id: number,
    from: ApplicationStatus[],
    changes: Partial<Pick<CitizenshipApplication, 'status' | 'submittedAt'>>,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(CitizenshipApplication)
      .update({ id, status: In(from) }, { ...changes, updatedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Locks the application row for a change in the caller's transaction and reads it again. */
  async lock(manager: EntityManager, id: number): Promise<CitizenshipApplication | null> {
    await manager.getRepository(CitizenshipApplication).update({ id }, { updatedAt: new Date() });
    return this.findById(id, manager);
  }

  /** Some of the worker's own learning records (evidence on their checklist). */
  async records(workerId: number, ids: number[]): Promise<EvidenceRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.applications.manager.getRepository(LearningRecord).find({
      select: { id: true, title: true, occurredOn: true, hours: true },
      where: { workerId, id: In(ids) },
      order: { occurredOn: 'DESC', id: 'DESC' },
    });
    return rows.map((r) => ({
      id: Number(r.id),
      title: r.title,
      occurredOn: String(r.occurredOn).slice(0, 10),
      hours: r.hours,
    }));
  }
}
