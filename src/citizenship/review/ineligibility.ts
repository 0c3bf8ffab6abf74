import { MessageRef } from '../../common/i18n/messages';

/** A criteria version as far as the reasons need it: the pass mark and each group's criteria. */
export interface ReasonSet {
  passMark: number | null;
  groups: {
    code: string;
    name: string;
    minPoints: number | null;
    criteria: { code: string; points: number }[];
  }[];
}

/** An application's latest evaluation: the verdict, the total, the points per criterion and what it stored. */
export interface ReasonEvaluation {
  eligible: boolean;
  totalPoints: number;
  points: ReadonlyMap<string, number>;
  stored: readonly MessageRef[];
}

/** The reasons this module words itself; stored reasons of these kinds are replaced, not repeated. */
const DERIVED = ['citizenship.reason.belowPassMark', 'citizenship.reason.groupBelowMinimum'];

/**
 * Why an evaluation is not eligible, in the terms evaluate() decides by: the total below the pass
 * mark, a group below its minimum (with the group's points out of its maximum). Worked out again
 * from the stored points and the version's groups, so an evaluation stored without reasons (an
 * older one, or one written by an import) still says why; the other reasons it stored (what
 * evidence is missing) follow. Nothing for an eligible evaluation; a general line when nothing
 * explains the verdict.
 */
export function ineligibilityReasons(set: ReasonSet | null, evaluation: ReasonEvaluation): MessageRef[] {
  if (evaluation.eligible) return [];
  const reasons: MessageRef[] = [];
  if (set?.passMark != null && evaluation.totalPoints < set.passMark)
    reasons.push({
      key: 'review.reason.belowPassMark',
      params: {
        total: evaluation.totalPoints,
        passMark: set.passMark,
        missing: set.passMark - evaluation.totalPoints,
      },
    });
  for (const group of set?.groups ?? []) {
    if (group.minPoints === null) continue;
    const points = group.criteria.reduce((sum, c) => sum + (evaluation.points.get(c.code) ?? 0), 0);
    if (points < group.minPoints)
      reasons.push({
        key: 'review.reason.groupBelowMinimum',
        params: {
          group: group.name,
          points,
          maxPoints: group.criteria.reduce((sum, c) => sum + c.points, 0),
          minPoints: group.minPoints,
        },
      });
  }
  const seen = new Set<string>();
  for (const ref of evaluation.stored) {
    const id = JSON.stringify(ref);
    if ((set && DERIVED.includes(ref.key)) || seen.has(id)) continue;
    seen.add(id);
    reasons.push(ref);
  }
  return reasons.length > 0 ? reasons : [{ key: 'review.reason.unexplained' }];
}

/** Where the reasons' inputs come from (ReviewRepository). */
export interface ReasonSource {
  reasonEvaluations(
    applicationIds: number[],
  ): Promise<Map<number, ReasonEvaluation & { criteriaSetId: number }>>;
  reasonSets(setIds: number[]): Promise<Map<number, ReasonSet>>;
}

/** The reasons of each application whose latest evaluation is not eligible (absent otherwise). */
export async function reasonsOf(
  source: ReasonSource,
  applicationIds: number[],
): Promise<Map<number, MessageRef[]>> {
  const evaluations = await source.reasonEvaluations(applicationIds);
  const ineligible = [...evaluations].filter(([, ev]) => !ev.eligible);
  const sets = await source.reasonSets(ineligible.map(([, ev]) => ev.criteriaSetId));
  return new Map(
    ineligible.map(([id, ev]) => [id, ineligibilityReasons(sets.get(ev.criteriaSetId) ?? null, ev)]),
  );
}

/** A queue row with why its latest evaluation is not eligible (empty when it is, or when there is none). */
export interface Explained {
  reasons: MessageRef[];
}

export async function explained<T extends { id: number; eligible: boolean | null }>(
  source: ReasonSource,
  rows: T[],
): Promise<(T & Explained)[]> {
  const reasons = await reasonsOf(
    source,
    rows.filter((r) => r.eligible === false).map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, reasons: reasons.get(row.id) ?? [] }));
}
