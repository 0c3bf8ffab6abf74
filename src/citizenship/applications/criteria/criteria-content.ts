import { SESSION_KINDS } from '../../../activities/session-kinds';
import { MessageRef } from '../../../common/i18n/messages';
import { isLearningHours } from '../../../learning-records/dto/learning-hours';
import { isDomainCode } from '../../../learning-records/learning-domains';
import { CriterionRule, RULE_TYPES } from '../../criteria-rules';
import { EvidenceKind } from '../../entities/criteria-set.entity';

/**
 * What a criteria version says, without its ids: the shape that is copied into a new version,
 * edited as a draft, validated before activation, and sent over the API. Pure code, no database.
 */
export interface CriterionContent {
  /** Stable across versions ("1.2"); declared answers are keyed by it. */
  code: string;
  title: string;
  description: string | null;
  points: number;
  evidence: EvidenceKind;
  rule: CriterionRule | null;
}

export interface GroupContent {
  code: string;
  name: string;
  minPoints: number | null;
  criteria: CriterionContent[];
}

export interface CriteriaContent {
  title: string;
  sourceNote: string | null;
  passMark: number;
  groups: GroupContent[];
}

/**
 * A problem of a draft: the field it is about (e.g. "groups.1.criteria.0.points"), the message, and
 * the group or criterion code it concerns, so a list of problems can say where each one is.
 */
export interface ContentProblem {
  field: string;
  ref: MessageRef;
  group?: string;
  criterion?: string;
}

export const CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;
export const MAX_POINTS = 1000;
export const MAX_COUNT = 100;
export const MAX_GROUPS = 20;
export const MAX_CRITERIA = 100;

/** "1.2" before "1.10", "2" before "10": codes are numbered the way the decision numbers them. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^\d+$/.test(pa[i]) ? Number(pa[i]) : NaN;
    const nb = /^\d+$/.test(pb[i]) ? Number(pb[i]) : NaN;
    const order =
      !Number.isNaN(na) && !Number.isNaN(nb) ? na - nb : pa[i].localeCompare(pb[i], 'vi', { numeric: true });
    if (order !== 0) return order;
  }
  return 0;
}

/** Groups and criteria in code order: positions follow the codes, so no reordering screen is needed. */
export function sortContent(content: CriteriaContent): CriteriaContent {
  return {
    ...content,
    groups: [...content.groups]
      .sort((a, b) => compareCodes(a.code, b.code))
      .map((g) => ({ ...g, criteria: [...g.criteria].sort((a, b) => compareCodes(a.code, b.code)) })),
  };
}

export function groupPoints(group: GroupContent): number {
  return group.criteria.reduce((sum, c) => sum + c.points, 0);
}

export function totalPoints(content: CriteriaContent): number {
  return content.groups.reduce((sum, g) => sum + groupPoints(g), 0);
}

/** A deep copy, so a new version never shares objects with the one it came from. */
export function copyContent(content: CriteriaContent): CriteriaContent {
  return JSON.parse(JSON.stringify(content)) as CriteriaContent;
}

/**
 * The rule an AUTO criterion is decided by, rebuilt from loose parts (a form's fields or an API
 * body) with only the parameters its type uses. Returns a problem keyed by the parameter at fault.
 */
export function buildRule(
  parts: {
    type?: unknown;
    domain?: unknown;
    minRecords?: unknown;
    minHours?: unknown;
    kinds?: unknown;
    minSessions?: unknown;
  },
  knownDomains: readonly string[],
): { rule: CriterionRule } | { problem: { param: string; ref: MessageRef } } {
  type Problem = { problem: { param: string; ref: MessageRef } };
  const count = (param: string, value: unknown, missingKey: string): Problem | { value: number } => {
    if (value === undefined || value === null || value === '')
      return { problem: { param, ref: { key: missingKey } } };
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_COUNT)
      return {
        problem: { param, ref: { key: 'citizenship.criteria.error.count', params: { max: MAX_COUNT } } },
      };
    return { value };
  };
  switch (parts.type) {
    case 'DOMAIN_RECORDS': {
      if (parts.domain === undefined || parts.domain === null || parts.domain === '')
        return { problem: { param: 'domain', ref: { key: 'citizenship.criteria.error.domainRequired' } } };
      if (!isDomainCode(parts.domain) || !knownDomains.includes(parts.domain))
        return { problem: { param: 'domain', ref: { key: 'citizenship.criteria.error.unknownDomain' } } };
      const min = count('minRecords', parts.minRecords, 'citizenship.criteria.error.minRecordsRequired');
      if ('problem' in min) return min;
      return { rule: { type: 'DOMAIN_RECORDS', domain: parts.domain, minRecords: min.value } };
    }
    case 'ANY_RECORDS': {
      const min = count('minRecords', parts.minRecords, 'citizenship.criteria.error.minRecordsRequired');
      if ('problem' in min) return min;
      return { rule: { type: 'ANY_RECORDS', minRecords: min.value } };
    }
    case 'MIN_HOURS':
      if (parts.minHours === undefined || parts.minHours === null || parts.minHours === '')
        return {
          problem: { param: 'minHours', ref: { key: 'citizenship.criteria.error.minHoursRequired' } },
        };
      if (!isLearningHours(parts.minHours))
        return { problem: { param: 'minHours', ref: { key: 'validation.learningHours' } } };
      return { rule: { type: 'MIN_HOURS', minHours: parts.minHours as number } };
    case 'HAS_PLAN':
      return { rule: { type: 'HAS_PLAN' } };
    case 'SESSION_KINDS': {
      const kinds = Array.isArray(parts.kinds) ? parts.kinds : parts.kinds ? [parts.kinds] : [];
      if (kinds.length === 0)
        return { problem: { param: 'kinds', ref: { key: 'citizenship.criteria.error.kindsRequired' } } };
      if (kinds.some((k) => !(SESSION_KINDS as unknown[]).includes(k)))
        return { problem: { param: 'kinds', ref: { key: 'validation.oneOf' } } };
      const min = count('minSessions', parts.minSessions, 'citizenship.criteria.error.minSessionsRequired');
      if ('problem' in min) return min;
      const ordered = SESSION_KINDS.filter((k) => kinds.includes(k));
      return { rule: { type: 'SESSION_KINDS', kinds: ordered, minSessions: min.value } };
    }
    case undefined:
    case null:
    case '':
      return { problem: { param: 'type', ref: { key: 'citizenship.criteria.error.ruleRequired' } } };
    default:
      return { problem: { param: 'type', ref: { key: 'validation.oneOf' } } };
  }
}

/** A stored or submitted rule checked again (e.g. before activation), parameters included. */
export function ruleProblem(rule: CriterionRule | null, knownDomains: readonly string[]): MessageRef | null {
  if (!rule) return { key: 'citizenship.criteria.error.ruleRequired' };
  if (!(RULE_TYPES as readonly string[]).includes(rule.type)) return { key: 'validation.oneOf' };
  const built = buildRule(rule as Record<string, unknown>, knownDomains);
  return 'problem' in built ? built.problem.ref : null;
}

/**
 * Everything that keeps a draft from being activated: points not whole or negative, a pass mark above
 * the total, a group minimum above its group's points, duplicate codes, empty groups, rules with
 * missing or invalid parameters, unknown learning domains.
 */
export function contentProblems(content: CriteriaContent, knownDomains: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const total = totalPoints(content);
  if (!Number.isInteger(content.passMark) || content.passMark < 0)
    problems.push({ field: 'passMark', ref: { key: 'validation.min', params: { min: 0 } } });
  else if (content.passMark > total)
    problems.push({
      field: 'passMark',
      ref: {
        key: 'citizenship.criteria.error.passMarkAboveTotal',
        params: { passMark: content.passMark, total },
      },
    });
  if (content.groups.length === 0)
    problems.push({ field: 'groups', ref: { key: 'citizenship.criteria.error.noGroups' } });
  if (content.groups.length > MAX_GROUPS)
    problems.push({ field: 'groups', ref: { key: 'validation.max', params: { max: MAX_GROUPS } } });
  const criteriaCount = content.groups.reduce((n, g) => n + g.criteria.length, 0);
  if (criteriaCount > MAX_CRITERIA)
    problems.push({ field: 'groups', ref: { key: 'validation.max', params: { max: MAX_CRITERIA } } });
  const groupCodes = new Set<string>();
  const criterionCodes = new Set<string>();
  content.groups.forEach((group, g) => {
    const at = `groups.${g}`;
    if (!CODE_PATTERN.test(group.code))
      problems.push({ field: `${at}.code`, ref: { key: 'citizenship.criteria.error.codeFormat' } });
    else if (groupCodes.has(group.code))
      problems.push({
        field: `${at}.code`,
        ref: { key: 'citizenship.criteria.error.groupCodeTaken', params: { code: group.code } },
      });
    groupCodes.add(group.code);
    if (!group.name.trim()) problems.push({ field: `${at}.name`, ref: { key: 'validation.required' } });
    if (group.criteria.length === 0)
      problems.push({
        field: `${at}.criteria`,
        ref: { key: 'citizenship.criteria.error.emptyGroup', params: { group: group.name } },
      });
    if (group.minPoints !== null) {
      const points = groupPoints(group);
      if (!Number.isInteger(group.minPoints) || group.minPoints < 0)
        problems.push({ field: `${at}.minPoints`, ref: { key: 'validation.min', params: { min: 0 } } });
      else if (group.minPoints > points)
        problems.push({
          field: `${at}.minPoints`,
          ref: {
            key: 'citizenship.criteria.error.groupMinAboveTotal',
            params: { group: group.name, minPoints: group.minPoints, total: points },
          },
        });
    }
    group.criteria.forEach((criterion, c) => {
      const field = `${at}.criteria.${c}`;
      if (!CODE_PATTERN.test(criterion.code))
        problems.push({ field: `${field}.code`, ref: { key: 'citizenship.criteria.error.codeFormat' } });
      else if (criterionCodes.has(criterion.code))
        problems.push({
          field: `${field}.code`,
          ref: { key: 'citizenship.criteria.error.codeTaken', params: { code: criterion.code } },
        });
      criterionCodes.add(criterion.code);
      if (!criterion.title.trim())
        problems.push({ field: `${field}.title`, ref: { key: 'validation.required' } });
      if (!Number.isInteger(criterion.points) || criterion.points < 0 || criterion.points > MAX_POINTS)
        problems.push({
          field: `${field}.points`,
          ref: { key: 'citizenship.criteria.error.points', params: { max: MAX_POINTS } },
        });
      if (criterion.evidence === EvidenceKind.Automatic) {
        const problem = ruleProblem(criterion.rule, knownDomains);
        if (problem) problems.push({ field: `${field}.rule`, ref: problem });
      } else if (criterion.evidence !== EvidenceKind.Declared) {
        problems.push({ field: `${field}.evidence`, ref: { key: 'validation.oneOf' } });
      } else if (criterion.rule !== null) {
        problems.push({ field: `${field}.rule`, ref: { key: 'citizenship.criteria.error.declaredRule' } });
      }
    });
  });
  return problems.map((problem) => {
    const at = /^groups\.(\d+)(?:\.criteria\.(\d+))?/.exec(problem.field);
    if (!at) return problem;
    const group = content.groups[Number(at[1])];
    const criterion = at[2] === undefined ? undefined : group?.criteria[Number(at[2])];
    return criterion ? { ...problem, criterion: criterion.code } : { ...problem, group: group?.code };
  });
}
