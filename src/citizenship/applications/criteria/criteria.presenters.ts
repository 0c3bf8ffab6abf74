import { SESSION_KINDS } from '../../../activities/session-kinds';
import { translate, translateRef } from '../../../common/i18n/i18n';
import { Locale, MessageRef } from '../../../common/i18n/messages';
import { formatHours } from '../../../common/views/view-helpers';
import { DOMAIN_CODES } from '../../../learning-records/learning-domains';
import { CriterionRule, RULE_TYPES } from '../../criteria-rules';
import { EvidenceKind } from '../../entities/criteria-set.entity';
import { ContentProblem, CriteriaContent, CriterionContent, groupPoints } from './criteria-content';
import { CriteriaSetDetail } from './criteria-sets.service';

/** Kinds of in-person activity by name, "Câu lạc bộ đọc sách hoặc Ngày Sách…". */
export function kindsText(locale: Locale, kinds: string[] | string): string {
  const list = Array.isArray(kinds) ? kinds : kinds.split(',').filter(Boolean);
  return list
    .map((k) => translate(locale, `activities.kind.${k}`))
    .join(translate(locale, 'citizenship.rule.or'));
}

/** A criterion's rule in plain words, for the criteria pages. */
export function ruleText(locale: Locale, evidence: EvidenceKind, rule: CriterionRule | null): string {
  if (evidence === EvidenceKind.Declared) return translate(locale, 'citizenship.rule.DECLARED');
  if (!rule) return translate(locale, 'citizenship.rule.none');
  switch (rule.type) {
    case 'DOMAIN_RECORDS':
      return translate(locale, 'citizenship.rule.DOMAIN_RECORDS', {
        min: rule.minRecords,
        domain: translate(locale, `domain.${rule.domain}`),
      });
    case 'ANY_RECORDS':
      return translate(locale, 'citizenship.rule.ANY_RECORDS', { min: rule.minRecords });
    case 'MIN_HOURS':
      return translate(locale, 'citizenship.rule.MIN_HOURS', { hours: formatHours(rule.minHours, locale) });
    case 'HAS_PLAN':
      return translate(locale, 'citizenship.rule.HAS_PLAN');
    case 'SESSION_KINDS':
      return translate(locale, 'citizenship.rule.SESSION_KINDS', {
        min: rule.minSessions,
        kinds: kindsText(locale, rule.kinds),
      });
    default:
      return translate(locale, 'citizenship.rule.none');
  }
}

/**
 * A message whose parameters name things by code (a domain, kinds of activity, hours), in words:
 * the missing-evidence lines and the reasons an evaluation stores.
 */
export function messageText(locale: Locale, ref: MessageRef): string {
  const params: Record<string, string | number> = { ...(ref.params ?? {}) };
  if (typeof params.domain === 'string')
    params.domain = translate(locale, `citizenship.topic.${params.domain}`);
  if (typeof params.kinds === 'string') params.kinds = kindsText(locale, params.kinds);
  for (const key of ['hours', 'have', 'min'])
    if (typeof params[key] === 'number') params[key] = formatHours(params[key] as number, locale);
  return translateRef(locale, { key: ref.key, params });
}

export function problemText(locale: Locale, problem: ContentProblem): string {
  const message = translateRef(locale, problem.ref);
  if (problem.criterion)
    return translate(locale, 'citizenship.criteria.problem.criterion', { code: problem.criterion, message });
  if (problem.group)
    return translate(locale, 'citizenship.criteria.problem.group', { code: problem.group, message });
  return message;
}

/** A version's groups and criteria as the pages show them. */
export function contentView(locale: Locale, content: CriteriaContent) {
  return content.groups.map((g) => ({
    code: g.code,
    name: g.name,
    minPoints: g.minPoints,
    points: groupPoints(g),
    criteria: g.criteria.map((c) => criterionView(locale, c)),
  }));
}

function criterionView(locale: Locale, c: CriterionContent) {
  return {
    ...c,
    evidenceLabel: translate(locale, `citizenship.criteria.evidence.${c.evidence}`),
    ruleText: ruleText(locale, c.evidence, c.rule),
  };
}

/** The page of one version. */
export function versionView(locale: Locale, detail: CriteriaSetDetail) {
  return {
    set: detail.set,
    owners: detail.owners,
    totalPoints: detail.totalPoints,
    isDraft: detail.set.status === 'DRAFT',
    statusLabel: translate(locale, `citizenship.criteria.status.${detail.set.status}`),
    groups: contentView(locale, detail.content),
    problems: detail.problems.map((p) => problemText(locale, p)),
  };
}

/** Choices of the criterion form. */
export function criterionChoices(locale: Locale, content: CriteriaContent) {
  return {
    groupOptions: content.groups.map((g) => ({ value: g.code, label: `${g.code}. ${g.name}` })),
    evidenceOptions: Object.values(EvidenceKind).map((value) => ({
      value,
      label: translate(locale, `citizenship.criteria.evidence.${value}`),
    })),
    ruleOptions: RULE_TYPES.map((value) => ({
      value,
      label: translate(locale, `citizenship.ruleType.${value}`),
    })),
    domainOptions: DOMAIN_CODES.map((value) => ({ value, label: translate(locale, `domain.${value}`) })),
    kindOptions: SESSION_KINDS.map((value) => ({
      value,
      label: translate(locale, `activities.kind.${value}`),
    })),
  };
}

/** The form values of a stored criterion (rule parameters as separate fields). */
export function criterionValues(groupCode: string, c: CriterionContent): Record<string, unknown> {
  const rule = (c.rule ?? {}) as Partial<Record<string, unknown>>;
  return {
    groupCode,
    code: c.code,
    title: c.title,
    description: c.description ?? '',
    points: c.points,
    evidence: c.evidence,
    ruleType: c.rule?.type ?? '',
    domain: rule.domain ?? '',
    minRecords: rule.minRecords ?? '',
    minHours: rule.minHours ?? '',
    kinds: (rule.kinds as string[] | undefined) ?? [],
    minSessions: rule.minSessions ?? '',
  };
}
