import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { MessageRef } from '../../common/i18n/messages';
import { ApplicationStatus, CitizenshipApplication, LearningPlanItem } from '../entities/application.entity';
import { ItemState } from '../entities/evaluation.entity';
import { Recognition } from '../entities/recognition.entity';
import { ineligibilityReasons } from './ineligibility';
import { EndedBranch, ReviewAccess } from './review-access.service';
import { ReviewRefused } from './review-refused';
import { AnswerRow, ReviewRepository } from './review.repository';
import {
  canReviewAnswers,
  canTake,
  CertificateStatus,
  certificateStatus,
  confirmBlocker,
} from './review.rules';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { dateOnly } from '../../database/dialect';
import { LearningRecordsService } from '../../learning-records/learning-records.service';
import { AdminUnitsService, isInForce } from '../../organisations/admin-units.service';
import { BranchesService } from '../../organisations/branches.service';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { UsersRepository } from '../../users/users.repository';
import { WorkersService } from '../../workers/workers.service';

/** Who and where, for the application page. */
export interface ApplicationHeader {
  workerName: string;
  enterpriseName: string | null;
  unitName: string | null;
  /** The commune the enterprise's unit became, when that unit has ended (Xã Đắk Ha → Phường Bắc Gia Nghĩa). */
  unitNowName: string | null;
}

export interface EvidenceRecord {
  id: number;
  title: string;
  occurredOn: string;
  hours: number;
  source: string;
}

/** One step of the audit trail, with its actor's display name. */
export interface HistoryRow {
  id: number;
  action: string;
  actorName: string | null;
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

export interface EvaluationItemView {
  criterionCode: string;
  title: string | null;
  groupName: string | null;
  maxPoints: number | null;
  points: number;
  met: boolean;
  state: ItemState;
  records: EvidenceRecord[];
  plan: boolean;
  hours: number | null;
}

export interface EvaluationView {
  criteriaSetId: number;
  totalPoints: number;
  passMark: number | null;
  eligible: boolean;
  reasons: MessageRef[];
  evaluatedAt: Date;
  items: EvaluationItemView[];
}

/** What the actor may do on the application now (what the page shows as buttons). */
export interface ReviewPermissions {
  reviewAnswers: boolean;
  confirm: boolean;
  returnToWorker: boolean;
  recognise: boolean;
  reject: boolean;
  revoke: boolean;
}

export interface ApplicationDetail {
  application: CitizenshipApplication;
  header: ApplicationHeader;
  asOfficer: boolean;
  asReviewer: boolean;
  answers: AnswerRow[];
  evaluation: EvaluationView | null;
  plan: LearningPlanItem[];
  recognition: (Recognition & { branchName: string; certificateStatus: CertificateStatus }) | null;
  history: HistoryRow[];
  /** The reviewer's branches that have ended (they can no longer recognise; their successor does). */
  endedBranches: EndedBranch[];
  can: ReviewPermissions;
}

export interface ApplicationSummary {
  id: number;
  workerId: number;
  year: number;
  status: ApplicationStatus;
  enterpriseId: number | null;
  submittedAt: Date | null;
  confirmedAt: Date | null;
  returnComment: string | null;
}

export function summaryOf(a: CitizenshipApplication): ApplicationSummary {
  return {
    id: a.id,
    workerId: a.workerId,
    year: a.year,
    status: a.status,
    enterpriseId: a.enterpriseId,
    submittedAt: a.submittedAt,
    confirmedAt: a.confirmedAt,
    returnComment: a.returnComment,
  };
}

/**
 * One application as its officer or reviewer sees it: the declared answers, the latest evaluation
 * with the evidence of each criterion, the title if any, and the audit trail ("Lịch sử xử lý").
 */
@Injectable()
export class ApplicationReviewService {
  constructor(
    private readonly access: ReviewAccess,
    private readonly repository: ReviewRepository,
    private readonly workers: WorkersService,
    private readonly enterprises: EnterprisesService,
    private readonly units: AdminUnitsService,
    private readonly branches: BranchesService,
    private readonly users: UsersRepository,
    private readonly learningRecords: LearningRecordsService,
  ) {}

  async detail(actor: Actor, id: number): Promise<ApplicationDetail> {
    const { application, asOfficer, asReviewer } = await this.access.access(actor, id);
    const [header, answers, evaluation, plan, recognition, history, endedBranches, canIssue] =
      await Promise.all([
        this.header(application),
        this.repository.answerRows([id]),
        this.evaluation(application),
        this.repository.planOf(id),
        this.repository.recognitionOf(id),
        this.history(id),
        asReviewer ? this.access.endedBranches(actor) : [],
        asReviewer ? this.canIssue(actor, application.enterpriseId) : false,
      ]);
    const branchName = recognition
      ? (recognition.issuerName ?? (await this.branches.findById(recognition.branchId))?.name ?? '')
      : '';
    const status = application.status;
    return {
      application,
      header,
      asOfficer,
      asReviewer,
      answers,
      evaluation,
      plan,
      recognition: recognition && {
        ...recognition,
        branchName,
        certificateStatus: certificateStatus(recognition, todayInVietnam()),
      },
      history,
      endedBranches,
      can: {
        reviewAnswers: asOfficer && canReviewAnswers(status),
        confirm: asOfficer && confirmBlocker(status, answers) === null,
        returnToWorker: asOfficer && canTake('return', status),
        recognise: canIssue && canTake('recognise', status) && evaluation?.eligible === true,
        reject: asReviewer && canTake('reject', status),
        revoke: asReviewer && status === ApplicationStatus.Recognised,
      },
    };
  }

  /** Whether one of the reviewer's branches in force today may recognise for this enterprise. */
  private async canIssue(actor: Actor, enterpriseId: number | null): Promise<boolean> {
    try {
      await this.access.issuingBranch(actor, enterpriseId);
      return true;
    } catch (error) {
      if (error instanceof ReviewRefused) return false;
      throw error;
    }
  }

  /** The application's state after a step, for the API's answer. */
  async summary(id: number): Promise<ApplicationSummary> {
    const application = (await this.repository.findApplication(id))!;
    return summaryOf(application);
  }

  /** Who and where: the worker's name, the enterprise's and its unit's, each from its owner. */
  private async header(application: CitizenshipApplication): Promise<ApplicationHeader> {
    const [workerNames, enterprise] = await Promise.all([
      this.workers.namesOf([application.workerId]),
      application.enterpriseId === null ? null : this.enterprises.findById(application.enterpriseId),
    ]);
    const unit = enterprise ? await this.units.findById(enterprise.unitId) : null;
    const today = todayInVietnam();
    const unitNow = unit && !isInForce(unit, today) ? await this.units.resolveInForce(unit.id, today) : null;
    return {
      workerName: workerNames.get(application.workerId) ?? '',
      enterpriseName: enterprise?.name ?? null,
      unitName: unit?.name ?? null,
      unitNowName: unitNow && unitNow.id !== unit?.id ? unitNow.name : null,
    };
  }

  /** The audit trail with each actor's display name (one look-up for them all). */
  private async history(applicationId: number): Promise<HistoryRow[]> {
    const entries = await this.repository.history(applicationId);
    const actors = await this.users.namesOf(
      entries.map((e) => e.actorUserId).filter((id): id is number => id !== null),
    );
    return entries.map((entry) => ({
      id: entry.id,
      action: entry.action,
      actorName:
        (entry.actorUserId === null ? undefined : actors.get(entry.actorUserId)?.displayName) ?? null,
      at: entry.at,
      before: entry.beforeState,
      after: entry.afterState,
      comment: entry.comment,
    }));
  }

  private async evaluation(application: CitizenshipApplication): Promise<EvaluationView | null> {
    const evaluation = await this.repository.evaluationOf(application.id);
    if (!evaluation) return null;
    const [criteria, passMark, sets] = await Promise.all([
      this.repository.criteriaOf(evaluation.criteriaSetId),
      this.repository.passMarkOf(evaluation.criteriaSetId),
      this.repository.reasonSets([evaluation.criteriaSetId]),
    ]);
    const items = evaluation.items ?? [];
    const reasons = ineligibilityReasons(sets.get(evaluation.criteriaSetId) ?? null, {
      eligible: evaluation.eligible,
      totalPoints: evaluation.totalPoints,
      points: new Map(items.map((i) => [i.criterionCode, i.points])),
      stored: evaluation.reasons ?? [],
    });
    const recordIds = [...new Set(items.flatMap((i) => i.evidence?.recordIds ?? []))];
    const records: EvidenceRecord[] = (
      await this.learningRecords.ownAmong(application.workerId, recordIds)
    ).map((r) => ({
      id: r.id,
      title: r.title,
      occurredOn: dateOnly(r.occurredOn) ?? '',
      hours: Number(r.hours),
      source: r.source,
    }));
    const byCode = new Map(items.map((i) => [i.criterionCode, i]));
    const codes = [
      ...criteria.map((c) => c.code),
      ...items.map((i) => i.criterionCode).filter((code) => !criteria.some((c) => c.code === code)),
    ];
    return {
      criteriaSetId: evaluation.criteriaSetId,
      totalPoints: evaluation.totalPoints,
      passMark,
      eligible: evaluation.eligible,
      reasons,
      evaluatedAt: evaluation.evaluatedAt,
      items: codes.map((code) => {
        const criterion = criteria.find((c) => c.code === code);
        const item = byCode.get(code);
        const ids = new Set(item?.evidence?.recordIds ?? []);
        return {
          criterionCode: code,
          title: criterion?.title ?? null,
          groupName: criterion?.groupName ?? null,
          maxPoints: criterion?.points ?? null,
          points: item?.points ?? 0,
          met: item?.met ?? false,
          state: item?.state ?? ItemState.Missing,
          records: records.filter((r) => ids.has(r.id)),
          plan: item?.evidence?.plan === true,
          hours: item?.evidence?.hours ?? null,
        };
      }),
    };
  }
}
