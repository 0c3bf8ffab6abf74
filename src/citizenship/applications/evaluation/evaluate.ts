import { createHash } from 'node:crypto';
import { MessageRef } from '../../../common/i18n/messages';
import { DomainCode, DOMAIN_CODES } from '../../../learning-records/learning-domains';
import { CriterionRule } from '../../criteria-rules';
import { AnswerReview } from '../../entities/application.entity';
import { EvidenceKind } from '../../entities/criteria-set.entity';
import { ItemState } from '../../entities/evaluation.entity';

/**
 * The learning-citizen evaluation as a pure function: a criteria version, what hoctap's data shows
 * about one worker-year, and the worker's declared answers in; points per criterion with their
 * evidence, the total, eligibility and the reasons out. No clock, no database, no randomness: the
 * same inputs always give the same result (and the same input hash).
 */

/** The criteria version as the engine needs it (groups and criteria in order). */
export interface SetSnapshot {
  id: number;
  passMark: number;
  groups: {
    code: string;
    name: string;
    minPoints: number | null;
    criteria: { code: string; points: number; evidence: EvidenceKind; rule: CriterionRule | null }[];
  }[];
}

/** What hoctap's data shows about one worker in one calendar year. */
export interface WorkerYearFacts {
  year: number;
  /** This year's learning record ids per domain. */
  recordsByDomain: Partial<Record<DomainCode, number[]>>;
  /** Every learning record id of this year. */
  records: number[];
  /** Learning hours this year (worker_learning_years). */
  hours: number;
  /** This year's attendances: the attendance's learning record and the session's kind. */
  sessions: { recordId: number; kind: string }[];
  /** A personal learning plan is saved with the application. */
  hasPlan: boolean;
}

/** A declared criterion the worker has answered (a statement is stored), with the officer's review. */
export interface DeclaredAnswer {
  criterionCode: string;
  review: AnswerReview;
  reviewComment?: string | null;
}

export interface ItemEvidence {
  recordIds?: number[];
  plan?: boolean;
  hours?: number;
  count?: number;
}

export interface EvaluatedItem {
  criterionCode: string;
  groupCode: string;
  /** Points awarded: the criterion's points when met, else 0. */
  points: number;
  maxPoints: number;
  met: boolean;
  state: ItemState;
  evidence: ItemEvidence | null;
  /** What is still missing, in words the worker understands; null when met. */
  missing: MessageRef | null;
}

export interface EvaluationResult {
  criteriaSetId: number;
  items: EvaluatedItem[];
  totalPoints: number;
  eligible: boolean;
  /** Why not eligible; empty when eligible. */
  reasons: MessageRef[];
  /** Points per group, in the set's order. */
  groups: { code: string; points: number; minPoints: number | null }[];
}

/** Evidence lists keep their first record ids only; `count` says how many there were. */
export const MAX_EVIDENCE_IDS = 50;

const ascending = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);
const round2 = (n: number) => Math.round(n * 100) / 100;

function recordsEvidence(ids: number[], extra: ItemEvidence = {}): ItemEvidence {
  return { recordIds: ids.slice(0, MAX_EVIDENCE_IDS), count: ids.length, ...extra };
}

/** Decides one AUTO criterion from the facts. */
function decideRule(
  rule: CriterionRule | null,
  facts: WorkerYearFacts,
): { met: boolean; evidence: ItemEvidence | null; missing: MessageRef | null } {
  const year = facts.year;
  if (!rule) return { met: false, evidence: null, missing: { key: 'citizenship.missing.noRule' } };
  switch (rule.type) {
    case 'DOMAIN_RECORDS': {
      const ids = ascending(facts.recordsByDomain[rule.domain] ?? []);
      const met = ids.length >= rule.minRecords;
      return {
        met,
        evidence: ids.length > 0 ? recordsEvidence(ids) : null,
        missing: met
          ? null
          : {
              key: 'citizenship.missing.domainRecords',
              params: { count: rule.minRecords - ids.length, domain: rule.domain, year },
            },
      };
    }
    case 'ANY_RECORDS': {
      const ids = ascending(facts.records);
      const met = ids.length >= rule.minRecords;
      return {
        met,
        evidence: ids.length > 0 ? recordsEvidence(ids) : null,
        missing: met
          ? null
          : { key: 'citizenship.missing.anyRecords', params: { count: rule.minRecords - ids.length, year } },
      };
    }
    case 'MIN_HOURS': {
      const hours = round2(facts.hours);
      const met = hours >= rule.minHours;
      const ids = ascending(facts.records);
      return {
        met,
        evidence: hours > 0 || ids.length > 0 ? recordsEvidence(ids, { hours }) : null,
        missing: met
          ? null
          : {
              key: 'citizenship.missing.hours',
              params: { hours: round2(rule.minHours - hours), have: hours, min: rule.minHours, year },
            },
      };
    }
    case 'HAS_PLAN':
      return facts.hasPlan
        ? { met: true, evidence: { plan: true }, missing: null }
        : { met: false, evidence: null, missing: { key: 'citizenship.missing.plan' } };
    case 'SESSION_KINDS': {
      const ids = ascending(facts.sessions.filter((s) => rule.kinds.includes(s.kind)).map((s) => s.recordId));
      const met = ids.length >= rule.minSessions;
      return {
        met,
        evidence: ids.length > 0 ? recordsEvidence(ids) : null,
        missing: met
          ? null
          : {
              key: 'citizenship.missing.sessions',
              params: { count: rule.minSessions - ids.length, kinds: rule.kinds.join(','), year },
            },
      };
    }
    default:
      return { met: false, evidence: null, missing: { key: 'citizenship.missing.noRule' } };
  }
}

/** Decides one DECLARED criterion from the worker's answer and the officer's review of it. */
function decideDeclared(answer: DeclaredAnswer | undefined): {
  met: boolean;
  state: ItemState;
  missing: MessageRef | null;
} {
  if (!answer)
    return { met: false, state: ItemState.Missing, missing: { key: 'citizenship.missing.declared' } };
  switch (answer.review) {
    case AnswerReview.Confirmed:
      return { met: true, state: ItemState.Confirmed, missing: null };
    case AnswerReview.Returned:
      return { met: false, state: ItemState.Missing, missing: { key: 'citizenship.missing.returned' } };
    default:
      // Answered, waiting for the officer: counts toward eligibility, needed before recognition.
      return { met: true, state: ItemState.Declared, missing: null };
  }
}

export function evaluate(
  set: SetSnapshot,
  facts: WorkerYearFacts,
  answers: DeclaredAnswer[],
): EvaluationResult {
  const answerOf = new Map(answers.map((a) => [a.criterionCode, a]));
  const items: EvaluatedItem[] = [];
  const groups: EvaluationResult['groups'] = [];
  const reasons: MessageRef[] = [];
  for (const group of set.groups) {
    let groupTotal = 0;
    for (const criterion of group.criteria) {
      let decided: {
        met: boolean;
        state: ItemState;
        evidence: ItemEvidence | null;
        missing: MessageRef | null;
      };
      if (criterion.evidence === EvidenceKind.Declared) {
        decided = { ...decideDeclared(answerOf.get(criterion.code)), evidence: null };
      } else {
        const auto = decideRule(criterion.rule, facts);
        decided = { ...auto, state: auto.met ? ItemState.Met : ItemState.Missing };
      }
      const points = decided.met ? criterion.points : 0;
      groupTotal += points;
      items.push({
        criterionCode: criterion.code,
        groupCode: group.code,
        points,
        maxPoints: criterion.points,
        met: decided.met,
        state: decided.state,
        evidence: decided.evidence,
        missing: decided.missing,
      });
    }
    groups.push({ code: group.code, points: groupTotal, minPoints: group.minPoints });
  }
  const totalPoints = groups.reduce((sum, g) => sum + g.points, 0);
  if (totalPoints < set.passMark)
    reasons.push({
      key: 'citizenship.reason.belowPassMark',
      params: { total: totalPoints, passMark: set.passMark, missing: set.passMark - totalPoints },
    });
  set.groups.forEach((group, i) => {
    const points = groups[i].points;
    if (group.minPoints !== null && points < group.minPoints)
      reasons.push({
        key: 'citizenship.reason.groupBelowMinimum',
        params: { group: group.name, points, minPoints: group.minPoints },
      });
  });
  return { criteriaSetId: set.id, items, totalPoints, eligible: reasons.length === 0, reasons, groups };
}

/**
 * A fingerprint of everything `evaluate` reads (the version is immutable once used, so its id
 * stands for its content). Order-insensitive: facts gathered in another order hash the same.
 */
export function inputHash(
  set: Pick<SetSnapshot, 'id'>,
  facts: WorkerYearFacts,
  answers: DeclaredAnswer[],
): string {
  const canonical = {
    set: set.id,
    year: facts.year,
    domains: DOMAIN_CODES.map((d) => [d, ascending(facts.recordsByDomain[d] ?? [])]),
    records: ascending(facts.records),
    hours: round2(facts.hours).toFixed(2),
    sessions: facts.sessions
      .map((s) => `${s.recordId}:${s.kind}`)
      .sort()
      .filter((s, i, all) => all.indexOf(s) === i),
    plan: facts.hasPlan,
    answers: answers.map((a) => `${a.criterionCode}:${a.review}`).sort(),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** An empty year: no records, no plan. */
export function noFacts(year: number): WorkerYearFacts {
  return { year, recordsByDomain: {}, records: [], hours: 0, sessions: [], hasPlan: false };
}
