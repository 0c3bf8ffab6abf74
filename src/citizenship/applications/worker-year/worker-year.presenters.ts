import { translate } from '../../../common/i18n/i18n';
import { Locale } from '../../../common/i18n/messages';
import { formatDate, formatDateTime, formatHours } from '../../../common/views/view-helpers';
import { DOMAIN_CODES } from '../../../learning-records/learning-domains';
import { LearningPlanItem } from '../../entities/application.entity';
import { EvidenceKind } from '../../entities/criteria-set.entity';
import { ItemState } from '../../entities/evaluation.entity';
import { messageText } from '../criteria/criteria.presenters';
import { ApplicationYearRow } from './applications.repository';
import { ChecklistItem, YearView } from './worker-year.service';

const STATE_CLASS: Record<ItemState, string> = {
  [ItemState.Met]: 'ok',
  [ItemState.Confirmed]: 'ok',
  [ItemState.Declared]: 'warn',
  [ItemState.Missing]: 'bad',
};

/** The worker's titles and certificate PDFs (the review module's page). */
export const CERTIFICATES_PATH = '/citizenship/certificates';

export function yearPath(year: number): string {
  return `/citizenship/years/${year}`;
}

/** Where a criterion's evidence can be seen: the worker's learning history, filtered to it. */
function historyHref(year: number, item: ChecklistItem): string {
  const domain = item.rule?.type === 'DOMAIN_RECORDS' ? `&domain=${item.rule.domain}` : '';
  return `/learn/history?year=${year}${domain}`;
}

function itemView(locale: Locale, year: number, item: ChecklistItem) {
  const evidence = item.evidence;
  const count = evidence?.count ?? evidence?.recordIds?.length ?? 0;
  return {
    code: item.code,
    title: item.title,
    description: item.description,
    declared: item.evidenceKind === EvidenceKind.Declared,
    pointsText: translate(locale, 'citizenship.year.points', { points: item.points, max: item.maxPoints }),
    state: item.state,
    stateLabel: translate(locale, `citizenship.itemState.${item.state}`),
    stateClass: STATE_CLASS[item.state],
    plan: evidence?.plan
      ? { href: `${yearPath(year)}/plan`, text: translate(locale, 'citizenship.year.evidencePlan') }
      : null,
    hoursText:
      evidence?.hours !== undefined
        ? translate(locale, 'citizenship.year.evidenceHours', {
            hours: formatHours(evidence.hours, locale),
            year,
          })
        : null,
    records: item.records.map((r) => ({
      title: r.title,
      dateText: formatDate(r.occurredOn),
      hours: translate(locale, 'citizenship.year.recordHours', { hours: formatHours(r.hours, locale) }),
    })),
    historyHref: count > 0 ? historyHref(year, item) : null,
    historyText: count > 0 ? translate(locale, 'citizenship.year.evidenceMore', { count }) : null,
    missing: item.missing ? messageText(locale, item.missing) : null,
    statement: item.answer?.statement ?? '',
    reviewComment:
      item.answer?.reviewComment && item.state === ItemState.Missing
        ? translate(locale, 'citizenship.year.reviewComment', { comment: item.answer.reviewComment })
        : null,
  };
}

export function planView(locale: Locale, plan: LearningPlanItem[]) {
  return DOMAIN_CODES.map((code) => plan.find((p) => p.domainCode === code))
    .filter((p): p is LearningPlanItem => !!p)
    .map((p) => ({
      domain: translate(locale, `domain.${p.domainCode}`),
      goal: p.goal,
      hours: translate(locale, 'citizenship.year.planHours', {
        hours: formatHours(Number(p.plannedHours), locale),
      }),
    }));
}

/** How many self-declared criteria have a statement: the submit bar's progress. */
function progressView(locale: Locale, view: YearView) {
  const declared = view.groups
    .flatMap((g) => g.items)
    .filter((i) => i.evidenceKind === EvidenceKind.Declared);
  const answered = declared.filter((i) => !!i.answer?.statement).length;
  const left = declared.length - answered;
  return {
    answered,
    total: declared.length,
    text: translate(locale, 'citizenship.year.progress', { answered, total: declared.length }),
    waitingText: left > 0 ? translate(locale, 'citizenship.year.submitWaiting', { count: left }) : '',
  };
}

function resultView(locale: Locale, view: YearView) {
  const { result, set } = view;
  return (
    result && {
      eligible: result.eligible,
      label: translate(
        locale,
        result.eligible ? 'citizenship.year.eligible' : 'citizenship.year.notEligible',
      ),
      totalText: translate(locale, 'citizenship.year.total', {
        total: result.totalPoints,
        max: set?.totalPoints ?? 0,
        passMark: set?.passMark ?? 0,
      }),
      reasons: result.reasons.map((r) => messageText(locale, r)),
      evaluatedText: result.evaluatedAt
        ? translate(locale, 'citizenship.year.storedNote', { at: formatDateTime(result.evaluatedAt) })
        : null,
    }
  );
}

/**
 * The fetch's answer after a statement is saved: the criterion's new state, the result and the
 * progress, so the page shows what a reload would without reloading.
 */
export function answerJson(locale: Locale, view: YearView, criterionCode: string) {
  const item = view.groups.flatMap((g) => g.items).find((i) => i.code === criterionCode);
  const shown = item && itemView(locale, view.year, item);
  return {
    saved: true,
    savedText: translate(locale, 'citizenship.year.saved'),
    criterion: shown && {
      code: shown.code,
      state: shown.state,
      stateLabel: shown.stateLabel,
      stateClass: shown.stateClass,
      pointsText: shown.pointsText,
      missing: shown.missing,
      statement: shown.statement,
    },
    result: resultView(locale, view),
    progress: progressView(locale, view),
  };
}

/** The year page: the application's status, result, checklist and plan. */
export function yearView(locale: Locale, view: YearView) {
  const { application, set } = view;
  return {
    year: view.year,
    path: yearPath(view.year),
    application,
    statusLabel: translate(locale, `citizenship.appStatus.${application.status}`),
    submittedText: application.submittedAt
      ? translate(locale, 'citizenship.year.submittedAt', { at: formatDateTime(application.submittedAt) })
      : null,
    returnText:
      application.status === 'RETURNED' && application.returnComment
        ? translate(locale, 'citizenship.year.returnComment', { comment: application.returnComment })
        : null,
    recognisedText:
      application.status === 'RECOGNISED'
        ? translate(locale, 'citizenship.year.recognised', { year: view.year })
        : null,
    decisionText: view.decision
      ? translate(
          locale,
          view.decision.action === 'REJECTED' ? 'citizenship.year.rejected' : 'citizenship.year.revoked',
          {
            reason: view.decision.reason ?? translate(locale, 'common.none'),
            on: formatDate(view.decision.at),
          },
        )
      : null,
    certificatesHref: view.hasTitle ? CERTIFICATES_PATH : null,
    editable: view.editable,
    canSubmit: view.canSubmit,
    live: view.live,
    setText: set
      ? translate(locale, 'citizenship.year.criteriaVersion', { title: set.title, version: set.version })
      : null,
    result: resultView(locale, view),
    progress: progressView(locale, view),
    groups: view.groups.map((g) => ({
      code: g.code,
      // The groups with work left are open; the others fold into their one-line summary.
      open: view.editable && g.items.some((i) => i.state === ItemState.Missing),
      leftText: leftText(locale, g.items.filter((i) => i.state === ItemState.Missing).length),
      name: g.name,
      heading: translate(locale, 'citizenship.criteria.groupHeading', { code: g.code, name: g.name }),
      pointsText: translate(locale, 'citizenship.year.points', { points: g.points, max: g.maxPoints }),
      minimumText:
        g.minPoints !== null
          ? translate(locale, 'citizenship.criteria.groupMinimum', { minPoints: g.minPoints })
          : null,
      items: g.items.map((i) => itemView(locale, view.year, i)),
    })),
    plan: planView(locale, view.plan),
  };
}

function leftText(locale: Locale, count: number): string | null {
  return count > 0 ? translate(locale, 'citizenship.year.groupLeft', { count }) : null;
}

export function yearsView(locale: Locale, rows: ApplicationYearRow[]) {
  return rows.map((r) => ({
    year: r.year,
    href: yearPath(r.year),
    statusLabel: translate(locale, `citizenship.appStatus.${r.status}`),
    pointsText: r.totalPoints === null ? translate(locale, 'common.none') : String(r.totalPoints),
    eligibleLabel:
      r.eligible === null
        ? translate(locale, 'citizenship.year.notEvaluated')
        : translate(locale, r.eligible ? 'citizenship.year.eligible' : 'citizenship.year.notEligible'),
    eligible: r.eligible,
  }));
}

/** The plan form: one fieldset per domain, with the saved goal and hours. */
export function planFields(locale: Locale, plan: LearningPlanItem[]) {
  return DOMAIN_CODES.map((code) => {
    const item = plan.find((p) => p.domainCode === code);
    return {
      code,
      label: translate(locale, `domain.${code}`),
      goalName: `goal${code}`,
      hoursName: `hours${code}`,
      goal: item?.goal ?? '',
      hours: item ? formatHours(Number(item.plannedHours), locale) : '',
    };
  });
}
