import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';
import { InstitutionsService } from '../organisations/institutions.service';

/**
 * A worker's learning records, their summaries and the results institutions reported. Nothing here
 * names the person, so anonymisation leaves it: the indicators keep counting it.
 */
@Injectable()
export class LearningRecordsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = [
    'learning_records',
    'learning_record_domains',
    'worker_learning_summary',
    'worker_learning_years',
    'external_records',
  ];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
    private readonly institutions: InstitutionsService,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    const id = subject.workerId;
    if (id === null)
      return { learningRecords: [], learningSummary: [], learningYears: [], externalRecords: [] };
    const [learningRecords, learningSummary, learningYears, external] = await Promise.all([
      this.db.query(
        `SELECT r.*, (SELECT GROUP_CONCAT(d.domain_code) FROM learning_record_domains d WHERE d.record_id = r.id) AS domains
         FROM learning_records r WHERE r.worker_id = ? ORDER BY r.occurred_on, r.id`,
        [id],
      ),
      this.db.query('SELECT * FROM worker_learning_summary WHERE worker_id = ?', [id]),
      this.db.query('SELECT * FROM worker_learning_years WHERE worker_id = ? ORDER BY year', [id]),
      this.db.query('SELECT * FROM external_records WHERE worker_id = ? ORDER BY completed_on, id', [id]),
    ]);
    const names = await this.institutions.namesOf(external.map((x: PersonalRow) => Number(x.institution_id)));
    return {
      learningRecords,
      learningSummary,
      learningYears,
      externalRecords: external.map((x: PersonalRow) => ({
        ...x,
        institution_name: names.get(Number(x.institution_id)) ?? null,
      })),
    };
  }

  anonymise(): Promise<void> {
    return Promise.resolve();
  }
}
