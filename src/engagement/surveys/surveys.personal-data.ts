import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../../common/personal-data/personal-data-providers';
import { Transaction } from '../../database/unit-of-work';
import { QuestionKind } from './entities/survey.entity';
import { SurveysRepository } from './surveys.repository';

/**
 * A worker's own survey answers (signed-in answers only: a code's answers were never tied to a
 * person). Anonymisation detaches the responses from the worker and keeps the answers, so the
 * survey's aggregate stays as it was.
 */
@Injectable()
export class SurveysPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['survey_responses', 'survey_answers'];

  constructor(
    private readonly providers: PersonalDataProviders,
    private readonly surveys: SurveysRepository,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { surveyAnswers: [] };
    const rows = await this.surveys.ownAnswers(subject.workerId);
    return {
      surveyAnswers: rows.map((r) => ({
        response_id: r.response_id,
        survey_id: r.survey_id,
        survey_title: r.survey_title,
        submitted_at: r.submitted_at,
        question: r.question,
        answer: answerText(r.kind, r.options, r.choice, r.text),
      })),
    };
  }

  async anonymise(manager: Transaction, subject: DataSubject): Promise<void> {
    if (subject.workerId !== null) await this.surveys.detach(manager, subject.workerId);
  }
}

function answerText(
  kind: string,
  options: string | null,
  choice: number | null,
  text: string | null,
): string {
  if (text !== null) return text;
  if (choice === null) return '';
  if (kind === QuestionKind.Scale) return String(choice);
  const choices = options ? (JSON.parse(options) as string[]) : [];
  return choices[Number(choice)] ?? String(choice);
}
