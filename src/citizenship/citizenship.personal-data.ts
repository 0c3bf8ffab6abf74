import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ANONYMOUS,
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';

/**
 * A worker's learning-citizen files: applications with their plan, statements, evaluations and
 * review history, and the titles recognised. On anonymisation the free-text statements (which may
 * name people) are replaced; titles and scores stay for the indicators.
 */
@Injectable()
export class CitizenshipPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = [
    'citizenship_applications',
    'learning_plan_items',
    'citizenship_answers',
    'citizenship_evaluations',
    'citizenship_evaluation_items',
    'citizenship_audit',
    'recognitions',
  ];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    const id = subject.workerId;
    const of = (sql: string) => (id === null ? Promise.resolve([]) : this.db.query(sql, [id]));
    const [applications, planItems, answers, evaluations, evaluationItems, history, certificates] =
      await Promise.all([
        of('SELECT * FROM citizenship_applications WHERE worker_id = ? ORDER BY year, id'),
        of(`SELECT p.* FROM learning_plan_items p JOIN citizenship_applications a ON a.id = p.application_id
          WHERE a.worker_id = ? ORDER BY p.application_id, p.domain_code`),
        of(`SELECT s.* FROM citizenship_answers s JOIN citizenship_applications a ON a.id = s.application_id
          WHERE a.worker_id = ? ORDER BY s.application_id, s.criterion_code`),
        of(`SELECT ev.* FROM citizenship_evaluations ev JOIN citizenship_applications a ON a.id = ev.application_id
          WHERE a.worker_id = ? ORDER BY ev.id`),
        of(`SELECT it.* FROM citizenship_evaluation_items it
          JOIN citizenship_evaluations ev ON ev.id = it.evaluation_id
          JOIN citizenship_applications a ON a.id = ev.application_id
          WHERE a.worker_id = ? ORDER BY it.evaluation_id, it.criterion_code`),
        of(`SELECT au.id, au.application_id, au.action, au.comment, au.at FROM citizenship_audit au
          JOIN citizenship_applications a ON a.id = au.application_id WHERE a.worker_id = ? ORDER BY au.id`),
        of('SELECT * FROM recognitions WHERE worker_id = ? ORDER BY year, id'),
      ]);
    return {
      citizenshipApplications: applications,
      citizenshipPlanItems: planItems,
      citizenshipAnswers: answers,
      citizenshipEvaluations: evaluations,
      citizenshipEvaluationItems: evaluationItems,
      citizenshipHistory: history,
      certificates,
    };
  }

  async anonymise(manager: EntityManager, subject: DataSubject): Promise<void> {
    if (subject.workerId === null) return;
    await manager.query(
      `UPDATE citizenship_answers SET statement = ? WHERE application_id IN
         (SELECT id FROM citizenship_applications WHERE worker_id = ?)`,
      [ANONYMOUS.statement, subject.workerId],
    );
  }
}
