import { Injectable, OnModuleInit } from '@nestjs/common';
import { Role, ScopeType } from '../../common/access/roles';
import { Actor } from '../../common/access/actor';
import {
  ReportSection,
  ReportSectionProvider,
  ReportSectionQuery,
  ReportSections,
} from '../../common/report-sections/report-sections';
import { toDmy } from '../../common/time/iso-date';
import { EnterpriseApiQuery } from '../../organisations/dto/list-query.dto';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { QuestionKind } from './entities/survey.entity';
import { questionResults, topChoices } from './survey-results';
import { SurveysRepository } from './surveys.repository';
import { questionView } from './surveys.service';

/** How many of a question's answers the report names. */
export const TOP_ANSWERS = 3;

/**
 * The annual report's section on learning needs: each survey whose period ended in the year, how
 * many answered, and per choice question its most chosen answers with their shares. A commune's
 * report counts only the answers from enterprises located in it.
 */
@Injectable()
export class SurveysReportSection implements ReportSectionProvider, OnModuleInit {
  readonly key = 'surveys';
  readonly order = 10;

  constructor(
    private readonly sections: ReportSections,
    private readonly surveys: SurveysRepository,
    private readonly enterprises: EnterprisesService,
  ) {}

  onModuleInit(): void {
    this.sections.register(this);
  }

  async section({ year, unitId }: ReportSectionQuery): Promise<ReportSection | null> {
    const surveys = await this.surveys.closingIn(year);
    if (surveys.length === 0) return null;
    const inUnit = unitId === null ? null : await this.enterprisesIn(unitId);
    const summary: (string | number | null)[][] = [];
    const answers: (string | number | null)[][] = [];
    for (const survey of surveys) {
      const targeted = (await this.surveys.enterprisesOf(survey.id))
        .map((t) => t.enterpriseId)
        .filter((id) => inUnit === null || inUnit.has(id));
      if (targeted.length === 0) continue;
      const filter = inUnit === null ? null : targeted;
      const [respondents, counts, questions] = await Promise.all([
        this.surveys.responseCount(survey.id, filter),
        this.surveys.answerCounts(survey.id, filter),
        this.surveys.questionsOf(survey.id),
      ]);
      summary.push([
        survey.title,
        `${toDmy(survey.opensOn)} – ${toDmy(survey.closesOn)}`,
        targeted.length,
        respondents,
      ]);
      const results = questionResults(
        questions.map(questionView).map((q) => ({ ...q, position: q.number })),
        counts,
      );
      for (const r of results) {
        if (r.kind === QuestionKind.Text) continue;
        const top = topChoices(r, TOP_ANSWERS)
          .map((c) => `${c.label} (${String(c.share).replace('.', ',')}%)`)
          .join('; ');
        answers.push([survey.title, `${r.number}. ${r.text}`, r.answered, top || null, r.mean]);
      }
    }
    if (summary.length === 0) return null;
    return {
      key: this.key,
      title: 'surveys.report.title',
      note: 'surveys.report.note',
      tables: [
        {
          caption: 'surveys.report.surveys',
          columns: [
            { label: 'surveys.field.title' },
            { label: 'surveys.field.period' },
            { label: 'surveys.field.enterprises', numeric: true },
            { label: 'surveys.field.respondents', numeric: true },
          ],
          rows: summary,
        },
        {
          caption: 'surveys.report.topAnswers',
          columns: [
            { label: 'surveys.field.title' },
            { label: 'surveys.field.question' },
            { label: 'surveys.field.answered', numeric: true },
            { label: 'surveys.field.topAnswers' },
            { label: 'surveys.field.mean', numeric: true },
          ],
          rows: answers,
        },
      ],
    };
  }

  /** The enterprises located in the unit's subtree (as a viewer of that unit reaches them). */
  private async enterprisesIn(unitId: number): Promise<Set<number>> {
    const viewer = new Actor(0, '', [
      { role: Role.DepartmentViewer, scopeType: ScopeType.Unit, scopeId: unitId },
    ]);
    const ids = new Set<number>();
    for await (const e of this.enterprises.rows(viewer, new EnterpriseApiQuery())) ids.add(e.id);
    return ids;
  }
}
