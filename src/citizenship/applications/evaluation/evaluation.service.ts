import { NewNotice, NoticesService } from '../../../notices/notices.service';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../database/unit-of-work';
import { RecordSource } from '../../../learning-records/entities/learning-record.entity';
import { DomainCode } from '../../../learning-records/learning-domains';
import { LearningRecordsService } from '../../../learning-records/learning-records.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../../organisations/enterprise-scope';
import { CriteriaSetsService } from '../criteria/criteria-sets.service';
import {
  DeclaredAnswer,
  evaluate,
  EvaluationResult,
  inputHash,
  noFacts,
  SetSnapshot,
  WorkerYearFacts,
} from './evaluate';
import {
  ApplicationToEvaluate,
  AuditWrite,
  EvaluationsRepository,
  EvaluationWrite,
} from './evaluations.repository';

/** Where a batch evaluation runs: one enterprise, an administrative unit's subtree, or the whole province. */
export type BatchScopeKind = 'ENTERPRISE' | 'UNIT' | 'PROVINCE';
export const BATCH_SCOPE_KINDS: BatchScopeKind[] = ['ENTERPRISE', 'UNIT', 'PROVINCE'];

export interface BatchScope {
  kind: BatchScopeKind;
  id?: number;
}

export interface EvaluationCounts {
  /** Applications evaluated. */
  evaluated: number;
  eligible: number;
  notEligible: number;
  /** Evaluations written (the others' inputs had not changed). */
  changed: number;
}

/** Applications per chunk: a handful of queries read the facts of a whole chunk. */
export const BATCH_CHUNK = 500;

/** The session id of an attendance's learning record ("session:12"). */
const SESSION_REF = /^session:(\d+)$/;

/**
 * Evaluates learning-citizen applications against the active criteria version, a chunk at a time:
 * the facts of every worker-year in a chunk come from one query per kind of fact, the engine
 * (evaluate.ts) decides each application, and the evaluations whose inputs changed are replaced in
 * one transaction per chunk. Unchanged inputs (same hash) write nothing, so reruns and retried jobs
 * leave the stored evaluations, their ids and the audit trail as they were.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly repository: EvaluationsRepository,
    private readonly criteria: CriteriaSetsService,
    private readonly scopes: EnterpriseScopeService,
    private readonly unitOfWork: UnitOfWork,
    private readonly notices: NoticesService,
    private readonly learningRecords: LearningRecordsService,
  ) {}

  /** Evaluates some applications now (those already decided are left as they are). */
  async evaluateApplications(ids: number[]): Promise<EvaluationCounts> {
    return this.evaluateAll(await this.repository.applicationsToEvaluate({ ids }));
  }

  /** Evaluates every open application of one worker (the job run when their learning records change). */
  async evaluateWorker(workerId: number): Promise<EvaluationCounts> {
    return this.evaluateAll(await this.repository.applicationsToEvaluate({ workerId }));
  }

  /**
   * Evaluates every open application of a year in a scope, in chunks of `chunkSize` by application
   * id, reporting progress after each chunk. The criteria version is read once, at the start.
   */
  async evaluateBatch(
    year: number,
    scope: BatchScope,
    progress: (percent: number) => Promise<void> = async () => undefined,
    chunkSize = BATCH_CHUNK,
  ): Promise<EvaluationCounts> {
    const counts = emptyCounts();
    const set = await this.criteria.activeSnapshot();
    if (!set) return counts;
    const enterprises = await this.enterpriseScope(scope);
    const total = await this.repository.countForBatch(year, enterprises);
    for (let afterId = 0; ;) {
      const chunk = await this.repository.chunkForBatch(year, enterprises, afterId, chunkSize);
      if (chunk.length === 0) break;
      add(counts, await this.evaluateChunk(chunk, set));
      afterId = chunk[chunk.length - 1].id;
      await progress(total > 0 ? (100 * counts.evaluated) / total : 100);
    }
    return counts;
  }

  /**
   * The evaluation the worker's checklist shows while the application is open: the active version
   * applied to the facts as they are now, without storing anything.
   */
  async preview(
    application: Pick<ApplicationToEvaluate, 'id' | 'workerId' | 'year'>,
  ): Promise<{ set: SetSnapshot; result: EvaluationResult; facts: WorkerYearFacts } | null> {
    const set = await this.criteria.activeSnapshot();
    if (!set) return null;
    const facts = await this.factsOf([{ ...application, userId: null }]);
    const { facts: yearFacts, answers } = facts.get(application.id)!;
    return { set, result: evaluate(set, yearFacts, answers), facts: yearFacts };
  }

  private async evaluateAll(applications: ApplicationToEvaluate[]): Promise<EvaluationCounts> {
    const counts = emptyCounts();
    if (applications.length === 0) return counts;
    const set = await this.criteria.activeSnapshot();
    if (!set) return counts;
    for (let i = 0; i < applications.length; i += BATCH_CHUNK)
      add(counts, await this.evaluateChunk(applications.slice(i, i + BATCH_CHUNK), set));
    return counts;
  }

  private async evaluateChunk(chunk: ApplicationToEvaluate[], set: SetSnapshot): Promise<EvaluationCounts> {
    const counts = emptyCounts();
    const [facts, stored] = await Promise.all([
      this.factsOf(chunk),
      this.repository.storedOutcomes(chunk.map((a) => a.id)),
    ]);
    const writes: EvaluationWrite[] = [];
    const audits: AuditWrite[] = [];
    const notices: NewNotice[] = [];
    for (const application of chunk) {
      const { facts: yearFacts, answers } = facts.get(application.id)!;
      const result = evaluate(set, yearFacts, answers);
      counts.evaluated++;
      if (result.eligible) counts.eligible++;
      else counts.notEligible++;
      const hash = inputHash(set, yearFacts, answers);
      const before = stored.get(application.id);
      if (before?.inputHash === hash) continue;
      writes.push({
        applicationId: application.id,
        criteriaSetId: set.id,
        totalPoints: result.totalPoints,
        eligible: result.eligible,
        reasons: result.reasons,
        inputHash: hash,
        items: result.items.map((i) => ({
          criterionCode: i.criterionCode,
          points: i.points,
          met: i.met,
          state: i.state,
          evidence: i.evidence,
        })),
      });
      const outcome = { criteriaSetId: set.id, totalPoints: result.totalPoints, eligible: result.eligible };
      if (
        !before ||
        before.eligible !== outcome.eligible ||
        before.totalPoints !== outcome.totalPoints ||
        before.criteriaSetId !== outcome.criteriaSetId
      ) {
        audits.push({
          applicationId: application.id,
          action: 'EVALUATED',
          before: before
            ? {
                criteriaSetId: before.criteriaSetId,
                totalPoints: before.totalPoints,
                eligible: before.eligible,
              }
            : null,
          after: outcome,
        });
      }
      const flipped = before ? before.eligible !== result.eligible : result.eligible;
      if (flipped && application.userId !== null) {
        notices.push({
          userId: application.userId,
          messageKey: result.eligible ? 'citizenship.notice.eligible' : 'citizenship.notice.notEligible',
          params: { year: application.year, total: result.totalPoints },
          link: `/citizenship/years/${application.year}`,
          dedupeKey: `citizenship:eligibility:${application.id}:${hash.slice(0, 16)}`,
        });
      }
    }
    if (writes.length > 0) {
      await this.unitOfWork.run(async (manager) => {
        await this.repository.store(manager, writes, new Date(), audits);
        await this.notices.notifyMany(manager, notices);
      });
    }
    counts.changed = writes.length;
    return counts;
  }

  /** The facts and answers of each application of a chunk, a few set-based queries per year in it. */
  private async factsOf(
    chunk: ApplicationToEvaluate[],
  ): Promise<Map<number, { facts: WorkerYearFacts; answers: DeclaredAnswer[] }>> {
    const out = new Map<number, { facts: WorkerYearFacts; answers: DeclaredAnswer[] }>();
    const applicationIds = chunk.map((a) => a.id);
    const [plans, answerRows] = await Promise.all([
      this.repository.withPlan(applicationIds),
      this.repository.answers(applicationIds),
    ]);
    const answersOf = new Map<number, DeclaredAnswer[]>();
    for (const a of answerRows) {
      const list = answersOf.get(a.applicationId) ?? [];
      list.push({ criterionCode: a.criterionCode, review: a.review });
      answersOf.set(a.applicationId, list);
    }
    for (const year of [...new Set(chunk.map((a) => a.year))].sort()) {
      const ofYear = chunk.filter((a) => a.year === year);
      const workerIds = [...new Set(ofYear.map((a) => a.workerId))];
      const [records, hours] = await Promise.all([
        this.learningRecords.recordDomainsInYear(workerIds, year),
        this.repository.yearHours(workerIds, year),
      ]);
      const sessionOf = new Map<number, number>();
      for (const r of records) {
        const match = r.source === RecordSource.Session ? SESSION_REF.exec(r.sourceRef) : null;
        if (match) sessionOf.set(r.id, Number(match[1]));
      }
      const kinds = await this.repository.sessionKinds([...new Set(sessionOf.values())]);
      const byWorker = new Map<number, WorkerYearFacts>();
      for (const workerId of workerIds)
        byWorker.set(workerId, { ...noFacts(year), hours: hours.get(workerId) ?? 0 });
      const seen = new Set<number>();
      for (const r of records) {
        const facts = byWorker.get(r.workerId)!;
        if (r.domain) (facts.recordsByDomain[r.domain as DomainCode] ??= []).push(r.id);
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        facts.records.push(r.id);
        const kind = sessionOf.has(r.id) ? kinds.get(sessionOf.get(r.id)!) : undefined;
        if (kind) facts.sessions.push({ recordId: r.id, kind });
      }
      for (const application of ofYear) {
        const facts = { ...byWorker.get(application.workerId)!, hasPlan: plans.has(application.id) };
        out.set(application.id, { facts, answers: answersOf.get(application.id) ?? [] });
      }
    }
    return out;
  }

  private async enterpriseScope(scope: BatchScope): Promise<EnterpriseScope> {
    switch (scope.kind) {
      case 'PROVINCE':
        return { all: true, enterpriseIds: [], unitPaths: [] };
      case 'ENTERPRISE':
        return { all: false, enterpriseIds: scope.id ? [scope.id] : [], unitPaths: [] };
      case 'UNIT':
        return {
          all: false,
          enterpriseIds: [],
          unitPaths: scope.id ? await this.scopes.subtreePaths([scope.id]) : [],
        };
    }
  }
}

function emptyCounts(): EvaluationCounts {
  return { evaluated: 0, eligible: 0, notEligible: 0, changed: 0 };
}

function add(into: EvaluationCounts, more: EvaluationCounts): void {
  into.evaluated += more.evaluated;
  into.eligible += more.eligible;
  into.notEligible += more.notEligible;
  into.changed += more.changed;
}
