import { DomainCode } from '../../../learning-records/learning-domains';
import { AnswerReview } from '../../entities/application.entity';
import { EvidenceKind } from '../../entities/criteria-set.entity';
import { ItemState } from '../../entities/evaluation.entity';
import {
  DeclaredAnswer,
  evaluate,
  inputHash,
  MAX_EVIDENCE_IDS,
  noFacts,
  SetSnapshot,
  WorkerYearFacts,
} from './evaluate';

const AUTO = EvidenceKind.Automatic;
const DECLARED = EvidenceKind.Declared;

/** A small set with one criterion of each rule type and two declared ones, 80 points in all. */
function set(overrides: Partial<SetSnapshot> = {}): SetSnapshot {
  return {
    id: 7,
    passMark: 50,
    groups: [
      {
        code: '1',
        name: 'Năng lực tự học, học tập suốt đời',
        minPoints: null,
        criteria: [
          { code: '1.1', points: 10, evidence: AUTO, rule: { type: 'MIN_HOURS', minHours: 4 } },
          { code: '1.2', points: 10, evidence: AUTO, rule: { type: 'HAS_PLAN' } },
          {
            code: '1.3',
            points: 10,
            evidence: AUTO,
            rule: { type: 'SESSION_KINDS', kinds: ['READING_CLUB', 'READING_DAY'], minSessions: 2 },
          },
          { code: '1.4', points: 10, evidence: DECLARED, rule: null },
        ],
      },
      {
        code: '2',
        name: 'Năng lực sử dụng công cụ',
        minPoints: null,
        criteria: [
          {
            code: '2.1',
            points: 10,
            evidence: AUTO,
            rule: { type: 'DOMAIN_RECORDS', domain: DomainCode.Digital, minRecords: 1 },
          },
          { code: '2.2', points: 10, evidence: AUTO, rule: { type: 'ANY_RECORDS', minRecords: 3 } },
          { code: '2.3', points: 20, evidence: DECLARED, rule: null },
        ],
      },
    ],
    ...overrides,
  };
}

function facts(overrides: Partial<WorkerYearFacts> = {}): WorkerYearFacts {
  return { ...noFacts(2026), ...overrides };
}

const itemOf = (result: ReturnType<typeof evaluate>, code: string) =>
  result.items.find((i) => i.criterionCode === code)!;

describe(evaluate.name, () => {
  describe('rule types', () => {
    it('DOMAIN_RECORDS: met by enough records of the domain this year, with their ids as evidence', () => {
      const met = evaluate(set(), facts({ recordsByDomain: { DIGITAL: [31, 12] }, records: [12, 31] }), []);
      expect(itemOf(met, '2.1')).toMatchObject({
        met: true,
        state: ItemState.Met,
        points: 10,
        evidence: { recordIds: [12, 31], count: 2 },
        missing: null,
      });
      const other = evaluate(set(), facts({ recordsByDomain: { LAW: [5] }, records: [5] }), []);
      expect(itemOf(other, '2.1')).toMatchObject({
        met: false,
        state: ItemState.Missing,
        points: 0,
        evidence: null,
        missing: {
          key: 'citizenship.missing.domainRecords',
          params: { count: 1, domain: 'DIGITAL', year: 2026 },
        },
      });
    });

    it('ANY_RECORDS: counts records of any domain and says how many more are needed', () => {
      const two = evaluate(set(), facts({ records: [3, 4] }), []);
      expect(itemOf(two, '2.2')).toMatchObject({
        met: false,
        evidence: { recordIds: [3, 4], count: 2 },
        missing: { key: 'citizenship.missing.anyRecords', params: { count: 1, year: 2026 } },
      });
      const three = evaluate(set(), facts({ records: [3, 4, 9] }), []);
      expect(itemOf(three, '2.2')).toMatchObject({ met: true, points: 10 });
    });

    it('MIN_HOURS: compares this year’s hours with the minimum and names the hours still missing', () => {
      const short = evaluate(set(), facts({ hours: 2.5, records: [1] }), []);
      expect(itemOf(short, '1.1')).toMatchObject({
        met: false,
        evidence: { hours: 2.5, recordIds: [1], count: 1 },
        missing: { key: 'citizenship.missing.hours', params: { hours: 1.5, have: 2.5, min: 4, year: 2026 } },
      });
      expect(itemOf(evaluate(set(), facts({ hours: 4, records: [1] }), []), '1.1')).toMatchObject({
        met: true,
        points: 10,
        missing: null,
      });
    });

    it('HAS_PLAN: met by a saved personal learning plan', () => {
      expect(itemOf(evaluate(set(), facts({ hasPlan: true }), []), '1.2')).toMatchObject({
        met: true,
        evidence: { plan: true },
      });
      expect(itemOf(evaluate(set(), facts(), []), '1.2')).toMatchObject({
        met: false,
        missing: { key: 'citizenship.missing.plan' },
      });
    });

    it('SESSION_KINDS: counts attendances of the listed kinds only', () => {
      const sessions = [
        { recordId: 40, kind: 'READING_CLUB' },
        { recordId: 41, kind: 'LAW_TALK' },
      ];
      const one = evaluate(set(), facts({ sessions }), []);
      expect(itemOf(one, '1.3')).toMatchObject({
        met: false,
        evidence: { recordIds: [40], count: 1 },
        missing: {
          key: 'citizenship.missing.sessions',
          params: { count: 1, kinds: 'READING_CLUB,READING_DAY', year: 2026 },
        },
      });
      const two = evaluate(
        set(),
        facts({ sessions: [...sessions, { recordId: 44, kind: 'READING_DAY' }] }),
        [],
      );
      expect(itemOf(two, '1.3')).toMatchObject({ met: true, points: 10, evidence: { recordIds: [40, 44] } });
    });

    it('keeps the first record ids only, with the full count', () => {
      const ids = Array.from({ length: MAX_EVIDENCE_IDS + 10 }, (_, i) => 1000 - i);
      const item = itemOf(evaluate(set(), facts({ records: ids }), []), '2.2');
      expect(item.evidence?.recordIds).toHaveLength(MAX_EVIDENCE_IDS);
      expect(item.evidence?.recordIds?.[0]).toBe(1000 - ids.length + 1);
      expect(item.evidence?.count).toBe(ids.length);
    });

    it('leaves an AUTO criterion without a rule unmet rather than failing', () => {
      const broken = set();
      broken.groups[0].criteria[0].rule = null;
      expect(itemOf(evaluate(broken, facts({ hours: 99 }), []), '1.1')).toMatchObject({
        met: false,
        missing: { key: 'citizenship.missing.noRule' },
      });
    });
  });

  describe('declared criteria', () => {
    const answer = (criterionCode: string, review: AnswerReview): DeclaredAnswer => ({
      criterionCode,
      review,
    });

    it('is missing until answered', () => {
      expect(itemOf(evaluate(set(), facts(), []), '1.4')).toMatchObject({
        met: false,
        state: ItemState.Missing,
        points: 0,
        missing: { key: 'citizenship.missing.declared' },
      });
    });

    it('counts an answer waiting for the officer as DECLARED, a confirmed one as CONFIRMED', () => {
      const result = evaluate(set(), facts(), [
        answer('1.4', AnswerReview.Pending),
        answer('2.3', AnswerReview.Confirmed),
      ]);
      expect(itemOf(result, '1.4')).toMatchObject({ met: true, state: ItemState.Declared, points: 10 });
      expect(itemOf(result, '2.3')).toMatchObject({ met: true, state: ItemState.Confirmed, points: 20 });
      expect(result.totalPoints).toBe(30);
    });

    it('does not count an answer the officer returned', () => {
      const result = evaluate(set(), facts(), [answer('2.3', AnswerReview.Returned)]);
      expect(itemOf(result, '2.3')).toMatchObject({
        met: false,
        state: ItemState.Missing,
        points: 0,
        missing: { key: 'citizenship.missing.returned' },
      });
    });

    it('ignores answers to codes the set does not have', () => {
      const result = evaluate(set(), facts(), [answer('9.9', AnswerReview.Confirmed)]);
      expect(result.items.map((i) => i.criterionCode)).not.toContain('9.9');
      expect(result.totalPoints).toBe(0);
    });
  });

  describe('eligibility', () => {
    const full = facts({
      hours: 6,
      hasPlan: true,
      records: [1, 2, 3],
      recordsByDomain: { DIGITAL: [2] },
      sessions: [
        { recordId: 3, kind: 'READING_CLUB' },
        { recordId: 1, kind: 'READING_DAY' },
      ],
    });

    it('is eligible at the pass mark exactly, and says by how many points it falls short below it', () => {
      // 1.1 + 1.2 + 1.3 + 2.1 + 2.2 = 50 points from the data alone.
      const atMark = evaluate(set({ passMark: 50 }), full, []);
      expect(atMark).toMatchObject({ totalPoints: 50, eligible: true, reasons: [] });
      const below = evaluate(set({ passMark: 60 }), full, []);
      expect(below).toMatchObject({
        totalPoints: 50,
        eligible: false,
        reasons: [
          { key: 'citizenship.reason.belowPassMark', params: { total: 50, passMark: 60, missing: 10 } },
        ],
      });
    });

    it('refuses a total above the pass mark when a group stays below its minimum', () => {
      const withMinimum = set({ passMark: 40 });
      withMinimum.groups[1].minPoints = 30;
      const result = evaluate(withMinimum, full, [{ criterionCode: '1.4', review: AnswerReview.Pending }]);
      expect(result.totalPoints).toBe(60);
      expect(result.groups).toEqual([
        { code: '1', points: 40, minPoints: null },
        { code: '2', points: 20, minPoints: 30 },
      ]);
      expect(result.eligible).toBe(false);
      expect(result.reasons).toEqual([
        {
          key: 'citizenship.reason.groupBelowMinimum',
          params: { group: 'Năng lực sử dụng công cụ', points: 20, minPoints: 30 },
        },
      ]);
      const answered = evaluate(withMinimum, full, [{ criterionCode: '2.3', review: AnswerReview.Pending }]);
      expect(answered).toMatchObject({ eligible: true, reasons: [] });
    });

    it('lists every reason: the pass mark first, then each group below its minimum', () => {
      const strict = set({ passMark: 80 });
      strict.groups[0].minPoints = 10;
      strict.groups[1].minPoints = 10;
      const result = evaluate(strict, facts(), []);
      expect(result.reasons.map((r) => r.key)).toEqual([
        'citizenship.reason.belowPassMark',
        'citizenship.reason.groupBelowMinimum',
        'citizenship.reason.groupBelowMinimum',
      ]);
    });
  });

  describe('determinism', () => {
    const a = facts({
      hours: 5,
      hasPlan: true,
      records: [9, 4, 7],
      recordsByDomain: { DIGITAL: [7, 4], LAW: [9] },
      sessions: [
        { recordId: 9, kind: 'READING_CLUB' },
        { recordId: 4, kind: 'READING_DAY' },
      ],
    });
    const shuffled = facts({
      hours: 5,
      hasPlan: true,
      records: [7, 9, 4],
      recordsByDomain: { LAW: [9], DIGITAL: [4, 7] },
      sessions: [
        { recordId: 4, kind: 'READING_DAY' },
        { recordId: 9, kind: 'READING_CLUB' },
      ],
    });
    const answers: DeclaredAnswer[] = [
      { criterionCode: '2.3', review: AnswerReview.Confirmed },
      { criterionCode: '1.4', review: AnswerReview.Pending },
    ];

    it('gives the same result and hash for the same inputs in any order', () => {
      const first = evaluate(set(), a, answers);
      const second = evaluate(set(), shuffled, [...answers].reverse());
      expect(second).toEqual(first);
      expect(inputHash(set(), shuffled, [...answers].reverse())).toBe(inputHash(set(), a, answers));
    });

    it('changes the hash when an input changes: a record, the plan, an answer’s review, the version', () => {
      const base = inputHash(set(), a, answers);
      expect(inputHash(set(), { ...a, records: [...a.records, 10] }, answers)).not.toBe(base);
      expect(inputHash(set(), { ...a, hasPlan: false }, answers)).not.toBe(base);
      expect(
        inputHash(set(), a, [answers[0], { criterionCode: '1.4', review: AnswerReview.Confirmed }]),
      ).not.toBe(base);
      expect(inputHash({ id: 8 }, a, answers)).not.toBe(base);
      expect(inputHash(set(), a, answers)).toBe(base);
    });
  });
});
