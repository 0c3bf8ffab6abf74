import { Injectable, NotFoundException } from '@nestjs/common';
import { MessageRef } from '../../common/i18n/messages';
import { CitizenshipApplication, LearningPlanItem } from '../entities/application.entity';
import { EvidenceKind } from '../entities/criteria-set.entity';
import { ItemState } from '../entities/evaluation.entity';
import { CriteriaSetsService } from './criteria/criteria-sets.service';
import { ItemEvidence } from './evaluation/evaluate';
import { EvaluationRequests } from './evaluation/evaluation-requests';
import { EvaluationCounts, EvaluationService } from './evaluation/evaluation.service';
import { EvaluationsRepository } from './evaluation/evaluations.repository';
import { ApplicationsRepository, EvidenceRecord } from './worker-year/applications.repository';

/** One criterion of a stored evaluation, with its title and the learning records behind it. */
export interface EvaluatedCriterion {
  criterionCode: string;
  groupCode: string;
  groupName: string;
  title: string;
  evidenceKind: EvidenceKind;
  /** The criterion's points in the version used. */
  maxPoints: number;
  /** Points awarded (0 when not met). */
  points: number;
  met: boolean;
  state: ItemState;
  /** recordIds (first ones; `count` says how many), plan, hours — as stored. */
  evidence: ItemEvidence | null;
  /** The worker's learning records named in `evidence.recordIds`, newest first. */
  records: EvidenceRecord[];
}

/** The stored (latest) evaluation of an application, ready to show. */
export interface ApplicationEvaluation {
  id: number;
  applicationId: number;
  criteriaSet: { id: number; code: string; version: number; title: string; passMark: number };
  totalPoints: number;
  eligible: boolean;
  /** Why not eligible: citizenship.reason.belowPassMark {total, passMark, missing}, citizenship.reason.groupBelowMinimum {group, points, minPoints}. */
  reasons: MessageRef[];
  inputHash: string;
  evaluatedAt: Date;
  items: EvaluatedCriterion[];
}

/**
 * What the rest of hoctap (the review chain, recognitions, reports) uses of learning-citizen
 * applications and their evaluation. Exported by CitizenshipApplicationsModule.
 */
@Injectable()
export class CitizenshipApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly evaluation: EvaluationService,
    private readonly criteria: CriteriaSetsService,
    private readonly requests: EvaluationRequests,
  ) {}

  /** The application, or 404. No scope check: callers check their own scope first. */
  async get(id: number): Promise<CitizenshipApplication> {
    const application = await this.applications.findById(id);
    if (!application) throw new NotFoundException();
    return application;
  }

  /** The worker's personal learning plan saved with the application. */
  planOf(applicationId: number): Promise<LearningPlanItem[]> {
    return this.applications.planOf(applicationId);
  }

  /**
   * The application's latest stored evaluation with every criterion of the version it used (title,
   * points, state, evidence and its learning records), or null when it was never evaluated.
   */
  async evaluationOf(applicationId: number): Promise<ApplicationEvaluation | null> {
    const stored = await this.evaluations.evaluationOf(applicationId);
    if (!stored) return null;
    const application = await this.get(applicationId);
    const detail = await this.criteria.get(stored.criteriaSetId);
    const itemOf = new Map((stored.items ?? []).map((i) => [i.criterionCode, i]));
    const records = await this.applications.records(
      application.workerId,
      (stored.items ?? []).flatMap((i) => i.evidence?.recordIds ?? []),
    );
    const recordOf = new Map(records.map((r) => [r.id, r]));
    return {
      id: stored.id,
      applicationId,
      criteriaSet: {
        id: detail.set.id,
        code: detail.set.code,
        version: detail.set.version,
        title: detail.set.title,
        passMark: detail.set.passMark,
      },
      totalPoints: stored.totalPoints,
      eligible: stored.eligible,
      reasons: stored.reasons ?? [],
      inputHash: stored.inputHash,
      evaluatedAt: stored.evaluatedAt,
      items: detail.content.groups.flatMap((g) =>
        g.criteria.map((c) => {
          const item = itemOf.get(c.code);
          return {
            criterionCode: c.code,
            groupCode: g.code,
            groupName: g.name,
            title: c.title,
            evidenceKind: c.evidence,
            maxPoints: c.points,
            points: item?.points ?? 0,
            met: item?.met ?? false,
            state: item?.state ?? ItemState.Missing,
            evidence: item?.evidence ?? null,
            records: (item?.evidence?.recordIds ?? [])
              .map((id) => recordOf.get(id))
              .filter((r): r is EvidenceRecord => !!r),
          };
        }),
      ),
    };
  }

  /**
   * Evaluates the application now under the active criteria version and returns the stored result
   * (e.g. right after an officer confirmed or returned answers). Writes nothing when its inputs did
   * not change; a RECOGNISED, REJECTED or REVOKED application keeps the evaluation it was decided on.
   */
  async evaluateApplication(applicationId: number): Promise<ApplicationEvaluation | null> {
    await this.get(applicationId);
    await this.evaluation.evaluateApplications([applicationId]);
    return this.evaluationOf(applicationId);
  }

  /** Asks for the worker's applications to be evaluated on the queue (debounced; returns at once). */
  requestEvaluation(workerId: number): Promise<void> {
    return this.requests.evaluateWorker(workerId);
  }

  /** Evaluates every open application of one worker now. */
  evaluateWorker(workerId: number): Promise<EvaluationCounts> {
    return this.evaluation.evaluateWorker(workerId);
  }
}
