import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../../../common/access/actor';
import { FormError } from '../../../common/errors/form-error';
import { MessageRef } from '../../../common/i18n/messages';
import {
  Transaction,
  TransactionConflict,
  UnitOfWork,
  isUniqueViolation,
} from '../../../database/unit-of-work';
import { DomainCode, DOMAIN_CODES } from '../../../learning-records/learning-domains';
import { WorkersService } from '../../../workers/workers.service';
import { AuditTrail, CitizenshipAuditAction } from '../../audit-trail';
import { CriterionRule } from '../../criteria-rules';
import {
  AnswerReview,
  ApplicationStatus,
  CitizenshipAnswer,
  CitizenshipApplication,
  LearningPlanItem,
} from '../../entities/application.entity';
import { EvidenceKind } from '../../entities/criteria-set.entity';
import { ItemState } from '../../entities/evaluation.entity';
import { CriteriaContent, groupPoints } from '../criteria/criteria-content';
import { CriteriaSetsService } from '../criteria/criteria-sets.service';
import { ItemEvidence } from '../evaluation/evaluate';
import { EvaluationRequests } from '../evaluation/evaluation-requests';
import { EvaluationService } from '../evaluation/evaluation.service';
import { EVALUATED_STATUSES, EvaluationsRepository } from '../evaluation/evaluations.repository';
import { ApplicationsRepository, ApplicationYearRow, EvidenceRecord } from './applications.repository';
import { PlanDto } from './dto/worker-year.dto';
import { todayInVietnam } from '../../../common/time/vietnam-time';

/** The worker may change their plan and answers until the officer confirms the application. */
export const EDITABLE_STATUSES: ApplicationStatus[] = [
  ApplicationStatus.Registered,
  ApplicationStatus.Submitted,
  ApplicationStatus.Returned,
];
const SUBMITTABLE: ApplicationStatus[] = [ApplicationStatus.Registered, ApplicationStatus.Returned];
/** Decisions the worker is shown with their reason (written to the trail by the review chain). */
const DECISIONS = [ApplicationStatus.Rejected, ApplicationStatus.Revoked] as const;

export interface PlanItemInput {
  domainCode: DomainCode;
  goal: string;
  plannedHours: number;
}

/** One criterion on the worker's checklist. */
export interface ChecklistItem {
  code: string;
  title: string;
  description: string | null;
  evidenceKind: EvidenceKind;
  rule: CriterionRule | null;
  maxPoints: number;
  points: number;
  state: ItemState;
  evidence: ItemEvidence | null;
  /** What is still missing; null when met (and on a decided application's stored evaluation). */
  missing: MessageRef | null;
  /** The learning records behind the evidence (newest first, a few). */
  records: EvidenceRecord[];
  answer: Pick<CitizenshipAnswer, 'statement' | 'reviewStatus' | 'reviewComment'> | null;
}

export interface ChecklistGroup {
  code: string;
  name: string;
  minPoints: number | null;
  points: number;
  maxPoints: number;
  items: ChecklistItem[];
}

/** Everything the worker's page for one year shows. */
export interface YearView {
  year: number;
  application: CitizenshipApplication;
  editable: boolean;
  canSubmit: boolean;
  /** Computed now from the facts (open application) rather than read from the stored evaluation. */
  live: boolean;
  set: {
    id: number;
    code: string;
    version: number;
    title: string;
    passMark: number;
    totalPoints: number;
  } | null;
  result: { totalPoints: number; eligible: boolean; reasons: MessageRef[]; evaluatedAt: Date | null } | null;
  /** The association's decision against the worker (rejected, or title revoked), with its reason. */
  decision: { action: 'REJECTED' | 'REVOKED'; reason: string | null; at: Date } | null;
  /** Recognised (now or before a revocation): the certificate is at /citizenship/certificates. */
  hasTitle: boolean;
  groups: ChecklistGroup[];
  plan: LearningPlanItem[];
}

const EVIDENCE_SHOWN = 5;

/** What an evaluation (live or stored) says about one criterion. */
type Decided = {
  points: number;
  state: ItemState;
  evidence: ItemEvidence | null;
  missing: MessageRef | null;
};

/**
 * The worker's own learning-citizen year: registering with a personal learning plan, answering the
 * self-declared criteria, submitting, and the live checklist. Every step is written to the audit
 * trail in its transaction, then the worker's evaluation is requested on the queue.
 */
@Injectable()
export class WorkerYearService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly criteria: CriteriaSetsService,
    private readonly evaluation: EvaluationService,
    private readonly evaluations: EvaluationsRepository,
    private readonly requests: EvaluationRequests,
    private readonly workers: WorkersService,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  currentYear(today = todayInVietnam()): number {
    return Number(today.slice(0, 4));
  }

  years(actor: Actor): Promise<ApplicationYearRow[]> {
    return this.applications.yearsOf(workerIdOf(actor));
  }

  find(actor: Actor, year: number): Promise<CitizenshipApplication | null> {
    return this.applications.findOfWorkerYear(workerIdOf(actor), year);
  }

  async planOf(actor: Actor, year: number): Promise<LearningPlanItem[]> {
    const application = await this.find(actor, year);
    return application ? this.applications.planOf(application.id) : [];
  }

  /**
   * Registers the worker for the title in the current year with their learning plan, under the active
   * criteria version and their current enterprise (whose union officer confirms). Registering again
   * changes nothing and returns the application already there.
   */
  async register(
    actor: Actor,
    year: number,
    dto: PlanDto,
    today = todayInVietnam(),
  ): Promise<{ application: CitizenshipApplication; created: boolean }> {
    const workerId = workerIdOf(actor);
    if (year !== this.currentYear(today))
      throw new FormError({}, { key: 'citizenship.year.error.notOpen', params: { year } });
    const plan = planItems(dto);
    const existing = await this.applications.findOfWorkerYear(workerId, year);
    if (existing) return { application: existing, created: false };
    const set = await this.criteria.active();
    if (!set) throw new FormError({}, { key: 'citizenship.year.error.noCriteria' });
    const [enterpriseId] = (await this.workers.currentEnterpriseIds(workerId, today)).sort((a, b) => a - b);
    if (enterpriseId === undefined) throw new FormError({}, { key: 'citizenship.year.error.noEnterprise' });
    const result = await this.unitOfWork.run(async (manager) => {
      const again = await this.applications.findOfWorkerYear(workerId, year, manager);
      if (again) return { application: again, created: false };
      let application: CitizenshipApplication;
      try {
        application = await this.applications.insert(manager, {
          workerId,
          year,
          criteriaSetId: set.id,
          status: ApplicationStatus.Registered,
          enterpriseId,
        });
      } catch (error) {
        // A second tab registered a moment ago: run again and find its application.
        if (isUniqueViolation(error)) throw new TransactionConflict('application registered concurrently');
        throw error;
      }
      await this.applications.replacePlan(manager, application.id, plan);
      await this.audit.write(manager, {
        applicationId: application.id,
        actorUserId: actor.userId,
        action: 'REGISTERED',
        after: {
          year,
          status: application.status,
          criteriaSetId: set.id,
          enterpriseId,
          plan: planState(plan),
        },
      });
      return { application, created: true };
    });
    if (result.created) await this.requests.evaluateWorker(workerId);
    return result;
  }

  /** Registers (when there is no application yet) or replaces the plan of an open application. */
  async savePlan(
    actor: Actor,
    year: number,
    dto: PlanDto,
    today = todayInVietnam(),
  ): Promise<CitizenshipApplication> {
    const existing = await this.find(actor, year);
    if (!existing) return (await this.register(actor, year, dto, today)).application;
    const plan = planItems(dto);
    await this.change(actor, existing.id, async (manager) => {
      const before = await this.applications.planOf(existing.id, manager);
      await this.applications.replacePlan(manager, existing.id, plan);
      return { action: 'PLAN_SAVED', before: { plan: planState(before) }, after: { plan: planState(plan) } };
    });
    return existing;
  }

  /**
   * Stores the worker's statement for a self-declared criterion of the version in force; an empty
   * statement withdraws it. A changed statement waits for the officer again.
   */
  async saveAnswer(
    actor: Actor,
    year: number,
    criterionCode: string,
    statement: string | undefined,
  ): Promise<void> {
    const application = await this.find(actor, year);
    if (!application) throw new NotFoundException();
    const declared = await this.declaredCodes(application);
    if (!declared.has(criterionCode)) throw new FormError({}, { key: 'citizenship.year.error.notDeclared' });
    const text = statement?.trim() ?? '';
    await this.change(actor, application.id, async (manager) => {
      const before = (await this.applications.answersOf(application.id, manager)).find(
        (a) => a.criterionCode === criterionCode,
      );
      // Unchanged is a no-op, except for a statement the officer returned: saving it sends it back.
      if ((before?.statement ?? '') === text && before?.reviewStatus !== AnswerReview.Returned) return null;
      if (text) await this.applications.saveAnswer(manager, application.id, criterionCode, text);
      else await this.applications.deleteAnswer(manager, application.id, criterionCode);
      return {
        action: text ? 'ANSWER_SAVED' : 'ANSWER_WITHDRAWN',
        before: before
          ? { criterionCode, statement: before.statement, reviewStatus: before.reviewStatus }
          : { criterionCode },
        after: text
          ? { criterionCode, statement: text, reviewStatus: AnswerReview.Pending }
          : { criterionCode },
      };
    });
  }

  /**
   * Sends the application to the union officer (REGISTERED or RETURNED → SUBMITTED). Submitting
   * twice is one submission. Eligibility is not checked here: the evaluation says why not.
   */
  async submit(actor: Actor, year: number, now = new Date()): Promise<boolean> {
    const application = await this.find(actor, year);
    if (!application) throw new NotFoundException();
    let submitted = false;
    await this.unitOfWork.run(async (manager) => {
      const current = await this.applications.lock(manager, application.id);
      if (!current || !SUBMITTABLE.includes(current.status)) return;
      submitted = await this.applications.moveStatus(manager, application.id, SUBMITTABLE, {
        status: ApplicationStatus.Submitted,
        submittedAt: now,
      });
      if (!submitted) return;
      await this.audit.write(manager, {
        applicationId: application.id,
        actorUserId: actor.userId,
        action: 'SUBMITTED',
        before: { status: current.status },
        after: { status: ApplicationStatus.Submitted },
      });
    });
    if (submitted) await this.requests.evaluateWorker(application.workerId);
    return submitted;
  }

  /** The page of one year: the application, the plan, and the checklist (live while it is open). */
  async view(actor: Actor, year: number): Promise<YearView> {
    const application = await this.find(actor, year);
    if (!application) throw new NotFoundException();
    const [plan, answers] = await Promise.all([
      this.applications.planOf(application.id),
      this.applications.answersOf(application.id),
    ]);
    const open = EVALUATED_STATUSES.includes(application.status);
    let setId: number | null = null;
    let result: YearView['result'] = null;
    let items = new Map<string, Decided>();
    const preview = open ? await this.evaluation.preview(application) : null;
    if (preview) {
      setId = preview.set.id;
      result = {
        totalPoints: preview.result.totalPoints,
        eligible: preview.result.eligible,
        reasons: preview.result.reasons,
        evaluatedAt: null,
      };
      items = new Map(preview.result.items.map((i) => [i.criterionCode, i]));
    } else {
      const stored = await this.evaluations.evaluationOf(application.id);
      if (stored) {
        setId = stored.criteriaSetId;
        result = {
          totalPoints: stored.totalPoints,
          eligible: stored.eligible,
          reasons: stored.reasons ?? [],
          evaluatedAt: stored.evaluatedAt,
        };
        items = new Map(
          (stored.items ?? []).map((i) => [
            i.criterionCode,
            { points: i.points, state: i.state, evidence: i.evidence, missing: null },
          ]),
        );
      }
    }
    const detail = await this.criteria.get(setId ?? application.criteriaSetId);
    const records = await this.applications.records(
      application.workerId,
      [...items.values()].flatMap((i) => i.evidence?.recordIds ?? []),
    );
    const answerOf = new Map(answers.map((a) => [a.criterionCode, a]));
    const decided = (DECISIONS as readonly ApplicationStatus[]).includes(application.status)
      ? await this.audit.latest(application.id, [application.status])
      : null;
    return {
      year,
      application,
      editable: EDITABLE_STATUSES.includes(application.status),
      canSubmit: SUBMITTABLE.includes(application.status),
      live: preview !== null,
      set: {
        id: detail.set.id,
        code: detail.set.code,
        version: detail.set.version,
        title: detail.set.title,
        passMark: detail.set.passMark,
        totalPoints: detail.totalPoints,
      },
      result,
      decision: decided
        ? {
            action: application.status as (typeof DECISIONS)[number],
            reason: decided.comment,
            at: decided.at,
          }
        : null,
      hasTitle: [ApplicationStatus.Recognised, ApplicationStatus.Revoked].includes(application.status),
      groups: checklist(detail.content, items, records, answerOf),
      plan,
    };
  }

  /** Criteria codes the worker answers: the DECLARED ones of the version in force (or registered under). */
  private async declaredCodes(application: CitizenshipApplication): Promise<Set<string>> {
    const active = await this.criteria.active();
    const detail = await this.criteria.get(active?.id ?? application.criteriaSetId);
    return new Set(
      detail.content.groups.flatMap((g) =>
        g.criteria.filter((c) => c.evidence === EvidenceKind.Declared).map((c) => c.code),
      ),
    );
  }

  /**
   * One change of an open application by its worker, in a transaction with its audit entry; the
   * evaluation is requested after commit. `step` returns null when nothing changed.
   */
  private async change(
    actor: Actor,
    applicationId: number,
    step: (manager: Transaction) => Promise<{
      action: CitizenshipAuditAction;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    } | null>,
  ): Promise<void> {
    const changed = await this.unitOfWork.run(async (manager) => {
      const current = await this.applications.lock(manager, applicationId);
      if (!current) throw new NotFoundException();
      if (!EDITABLE_STATUSES.includes(current.status))
        throw new FormError({}, { key: 'citizenship.year.error.locked' });
      const entry = await step(manager);
      if (!entry) return null;
      await this.audit.write(manager, { applicationId, actorUserId: actor.userId, ...entry });
      return current;
    });
    if (changed) await this.requests.evaluateWorker(changed.workerId);
  }
}

function workerIdOf(actor: Actor): number {
  if (!actor.workerId) throw new ForbiddenException();
  return actor.workerId;
}

/** The plan's items from the form: a goal needs its hours and hours need their goal; one goal at least. */
export function planItems(dto: PlanDto): PlanItemInput[] {
  const errors: Record<string, MessageRef> = {};
  const items: PlanItemInput[] = [];
  for (const code of DOMAIN_CODES) {
    const goal = (dto[`goal${code}` as keyof PlanDto] as string | undefined)?.trim();
    const hours = dto[`hours${code}` as keyof PlanDto] as number | undefined;
    if (goal && hours === undefined) errors[`hours${code}`] = { key: 'citizenship.plan.error.hoursRequired' };
    else if (!goal && hours !== undefined)
      errors[`goal${code}`] = { key: 'citizenship.plan.error.goalRequired' };
    else if (goal && hours !== undefined) items.push({ domainCode: code, goal, plannedHours: hours });
  }
  if (Object.keys(errors).length > 0) throw new FormError(errors);
  if (items.length === 0) throw new FormError({}, { key: 'citizenship.plan.error.atLeastOne' });
  return items;
}

function planState(plan: Pick<LearningPlanItem, 'domainCode' | 'goal' | 'plannedHours'>[]) {
  return [...plan]
    .sort((a, b) => DOMAIN_CODES.indexOf(a.domainCode) - DOMAIN_CODES.indexOf(b.domainCode))
    .map((p) => ({ domain: p.domainCode, goal: p.goal, hours: Number(p.plannedHours) }));
}

/** The criteria of a version with what the evaluation says about each. */
function checklist(
  content: CriteriaContent,
  items: Map<string, Decided>,
  records: EvidenceRecord[],
  answers: Map<string, CitizenshipAnswer>,
): ChecklistGroup[] {
  const recordOf = new Map(records.map((r) => [r.id, r]));
  return content.groups.map((group) => {
    const rows = group.criteria.map((c): ChecklistItem => {
      const item = items.get(c.code);
      const answer = answers.get(c.code);
      return {
        code: c.code,
        title: c.title,
        description: c.description,
        evidenceKind: c.evidence,
        rule: c.rule,
        maxPoints: c.points,
        points: item?.points ?? 0,
        state: item?.state ?? ItemState.Missing,
        evidence: item?.evidence ?? null,
        missing: item ? item.missing : null,
        records: (item?.evidence?.recordIds ?? [])
          .map((id) => recordOf.get(id))
          .filter((r): r is EvidenceRecord => !!r)
          .sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : b.id - a.id))
          .slice(0, EVIDENCE_SHOWN),
        answer: answer
          ? {
              statement: answer.statement,
              reviewStatus: answer.reviewStatus,
              reviewComment: answer.reviewComment,
            }
          : null,
      };
    });
    return {
      code: group.code,
      name: group.name,
      minPoints: group.minPoints,
      points: rows.reduce((sum, r) => sum + r.points, 0),
      maxPoints: groupPoints(group),
      items: rows,
    };
  });
}
