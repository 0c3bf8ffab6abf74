import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../../common/personal-data/personal-data-providers';

/**
 * A worker's registrations and entries (attempts with their answers, results, prizes). Kept on
 * anonymisation: they name no one, and the worker's name goes with their worker record.
 */
@Injectable()
export class ContestsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['contest_registrations', 'contest_entries'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { contestRegistrations: [], contestEntries: [] };
    return {
      contestRegistrations: await this.db.query(
        `SELECT r.id, r.contest_id, c.title, r.enterprise_id, r.created_at
         FROM contest_registrations r JOIN contests c ON c.id = r.contest_id
         WHERE r.worker_id = ? ORDER BY r.id`,
        [subject.workerId],
      ),
      contestEntries: await this.db.query(
        `SELECT e.id, e.contest_id, c.title, e.round_id, o.name AS round_name, e.started_at, e.submitted_at,
                e.answers, e.score, e.max_score, e.duration_seconds, e.rank, e.prize, e.late
         FROM contest_entries e JOIN contests c ON c.id = e.contest_id JOIN contest_rounds o ON o.id = e.round_id
         WHERE e.worker_id = ? ORDER BY e.id`,
        [subject.workerId],
      ),
    };
  }

  anonymise(): Promise<void> {
    return Promise.resolve();
  }
}
