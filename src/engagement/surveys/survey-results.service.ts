import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role } from '../../common/access/roles';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { Workforce } from '../../workers/workforce';
import { Survey } from './entities/survey.entity';
import { MIN_GROUP, percent, questionResults, QuestionResult } from './survey-results';
import { QuestionKind } from './entities/survey.entity';
import { SurveysRepository } from './surveys.repository';
import { QuestionView, stateOf, SurveysService } from './surveys.service';

/** Most short-text answers listed per question. */
const TEXT_LIMIT = 500;

/** One enterprise's participation: answers ÷ roster today. */
export interface RateRow {
  enterpriseId: number;
  enterpriseName: string;
  unitId: number;
  unitName: string;
  roster: number;
  respondents: number;
  /** Percent with one decimal; 0 without a roster. */
  rate: number;
}

/**
 * Why an officer does not see their enterprise's aggregate: the survey is still open (answers can
 * still come, one at a time), or fewer than MIN_GROUP people answered.
 */
export type Withheld = 'OPEN' | 'SMALL_GROUP';

/** Whether the officer's aggregate is withheld, and why; null when it is shown. */
export function officerWithholds(ended: boolean, respondents: number): Withheld | null {
  if (!ended) return 'OPEN';
  return respondents >= MIN_GROUP ? null : 'SMALL_GROUP';
}

/** Which responses a result is about. */
export type ResultGroup =
  { level: 'province' } | { level: 'unit'; unitId: number } | { level: 'enterprise'; enterpriseId: number };

export interface SurveyResults {
  group: ResultGroup;
  groupName: string;
  respondents: number;
  questions: (QuestionResult & { texts: string[] })[];
}

/** A choice's line in the results' file: the same numbers as the tables on the page. */
export interface ResultLine {
  group: string;
  question: number;
  questionText: string;
  answer: string;
  count: number | null;
  share: number | null;
  mean: number | null;
  answered: number;
}

/**
 * What a survey found. Its authors see the aggregate of the whole survey, of a commune's
 * enterprises or of one enterprise, with each question's counts, shares and mean; the federation
 * admin also reads the short-text answers, without names. Union officers see their enterprise's
 * response rate, and its aggregate only after the survey has ended and from MIN_GROUP answers up,
 * never single answers.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly authoring: SurveysService,
    private readonly enterprises: EnterprisesService,
    private readonly units: AdminUnitsService,
    private readonly workforce: Workforce,
  ) {}

  /** Participation per enterprise: every targeted enterprise for an author, the officer's own for an officer. */
  async rates(
    actor: Actor,
    id: number,
    today = todayInVietnam(),
  ): Promise<{ survey: Survey; rows: RateRow[] }> {
    const survey = await this.surveys.findById(id);
    if (!survey) throw new OutOfScopeException();
    let enterpriseIds: number[];
    if (this.authoring.isAuthor(actor, survey))
      enterpriseIds = (await this.surveys.enterprisesOf(id)).map((e) => e.enterpriseId);
    else enterpriseIds = (await this.authoring.officerEnterprises(actor, id)).enterpriseIds;
    return { survey, rows: await this.rateRows(id, enterpriseIds, today) };
  }

  /** The participation of a commune's (or the province's) enterprises together, from rate rows. */
  static totals(
    rows: RateRow[],
  ): { unitId: number; unitName: string; roster: number; respondents: number; rate: number }[] {
    const byUnit = new Map<
      number,
      { unitId: number; unitName: string; roster: number; respondents: number; rate: number }
    >();
    for (const r of rows) {
      const u = byUnit.get(r.unitId) ?? {
        unitId: r.unitId,
        unitName: r.unitName,
        roster: 0,
        respondents: 0,
        rate: 0,
      };
      u.roster += r.roster;
      u.respondents += r.respondents;
      byUnit.set(r.unitId, u);
    }
    return [...byUnit.values()]
      .map((u) => ({ ...u, rate: percent(u.respondents, u.roster) }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  }

  /** The aggregate for an author: of the whole survey, of a commune, or of one enterprise. */
  async results(
    actor: Actor,
    id: number,
    group: ResultGroup,
  ): Promise<{ survey: Survey; results: SurveyResults }> {
    const survey = await this.authoring.authored(actor, id);
    const targeted = await this.surveys.enterprisesOf(id);
    let enterpriseIds: number[] | null = null;
    let groupName = '';
    if (group.level === 'unit') {
      enterpriseIds = targeted.filter((t) => t.unitId === group.unitId).map((t) => t.enterpriseId);
      if (enterpriseIds.length === 0) throw new OutOfScopeException();
      groupName = (await this.units.namesByIds([group.unitId])).get(group.unitId) ?? '';
    } else if (group.level === 'enterprise') {
      if (!targeted.some((t) => t.enterpriseId === group.enterpriseId)) throw new OutOfScopeException();
      enterpriseIds = [group.enterpriseId];
      groupName = (await this.enterprises.namesOf([group.enterpriseId])).get(group.enterpriseId)?.name ?? '';
    }
    const withTexts = actor.has(Role.FederationAdmin);
    return { survey, results: await this.aggregate(id, enterpriseIds, group, groupName, withTexts) };
  }

  /**
   * The officer's view: per enterprise of theirs, the rate, and the aggregate only once the survey
   * has ended and at least MIN_GROUP people answered. While it is open the aggregate is withheld
   * whatever the count: watching it move from 5 to 6 answers would show the sixth person's answers.
   * Never the short-text answers.
   */
  async forOfficer(actor: Actor, id: number, today = todayInVietnam()) {
    const { survey, enterpriseIds } = await this.authoring.officerEnterprises(actor, id);
    const ended = stateOf(survey, today) === 'ENDED';
    const rows = await this.rateRows(id, enterpriseIds, today);
    const groups: { rate: RateRow; withheld: Withheld | null; results: SurveyResults | null }[] = [];
    for (const row of rows) {
      const withheld = officerWithholds(ended, row.respondents);
      groups.push({
        rate: row,
        withheld,
        results: withheld
          ? null
          : await this.aggregate(
              id,
              [row.enterpriseId],
              { level: 'enterprise', enterpriseId: row.enterpriseId },
              row.enterpriseName,
              false,
            ),
      });
    }
    return { survey, groups };
  }

  /** The lines of the results' file, from the same results the page shows. */
  static lines(results: SurveyResults, groupLabel: string): ResultLine[] {
    const lines: ResultLine[] = [];
    for (const q of results.questions) {
      if (q.kind === QuestionKind.Text) {
        lines.push({
          group: groupLabel,
          question: q.number,
          questionText: q.text,
          answer: '',
          count: null,
          share: null,
          mean: null,
          answered: q.answered,
        });
        continue;
      }
      for (const c of q.choices)
        lines.push({
          group: groupLabel,
          question: q.number,
          questionText: q.text,
          answer: c.label,
          count: c.count,
          share: c.share,
          mean: q.mean,
          answered: q.answered,
        });
    }
    return lines;
  }

  private async aggregate(
    id: number,
    enterpriseIds: number[] | null,
    group: ResultGroup,
    groupName: string,
    withTexts: boolean,
  ): Promise<SurveyResults> {
    const questions = await this.authoring.questions(id);
    const [counts, respondents] = await Promise.all([
      this.surveys.answerCounts(id, enterpriseIds),
      this.surveys.responseCount(id, enterpriseIds),
    ]);
    const results = questionResults(questions.map(forResults), counts);
    const withText = [];
    for (const r of results)
      withText.push({
        ...r,
        texts:
          withTexts && r.kind === QuestionKind.Text
            ? await this.surveys.textAnswers(id, r.id, enterpriseIds, TEXT_LIMIT)
            : [],
      });
    return { group, groupName, respondents, questions: withText };
  }

  private async rateRows(id: number, enterpriseIds: number[], today: string): Promise<RateRow[]> {
    const targeted = (await this.surveys.enterprisesOf(id)).filter((t) =>
      enterpriseIds.includes(t.enterpriseId),
    );
    const respondents = new Map(
      (await this.surveys.respondents(id)).map((r) => [r.enterpriseId, r.respondents] as const),
    );
    const [names, unitNames, rosters] = await Promise.all([
      this.enterprises.namesOf(targeted.map((t) => t.enterpriseId)),
      this.units.namesByIds([...new Set(targeted.map((t) => t.unitId))]),
      // One statement for every targeted enterprise: a survey of a province asks hundreds.
      this.workforce.rosterCounts(
        targeted.map((t) => t.enterpriseId),
        today,
      ),
    ]);
    const rows: RateRow[] = [];
    for (const t of targeted) {
      const roster = rosters.get(t.enterpriseId) ?? 0;
      const answered = respondents.get(t.enterpriseId) ?? 0;
      rows.push({
        enterpriseId: t.enterpriseId,
        enterpriseName: names.get(t.enterpriseId)?.name ?? '',
        unitId: t.unitId,
        unitName: unitNames.get(t.unitId) ?? '',
        roster,
        respondents: answered,
        rate: percent(answered, roster),
      });
    }
    return rows.sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'vi'));
  }
}

function forResults(q: QuestionView) {
  return {
    id: q.id,
    position: q.number,
    kind: q.kind,
    text: q.text,
    choices: q.choices,
    lowLabel: q.lowLabel,
    highLabel: q.highLabel,
  };
}
