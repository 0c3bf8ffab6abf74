import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';

/** The courses a worker was given, with their due dates. Kept on anonymisation (no identity in them). */
@Injectable()
export class AssignmentsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['assignment_workers'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { assignments: [] };
    return {
      assignments: await this.db.query(
        `SELECT h.id, h.assignment_id, h.enterprise_id, h.course_id, a.due_on, h.reminded_at, h.created_at
         FROM assignment_workers h JOIN assignments a ON a.id = h.assignment_id
         WHERE h.worker_id = ? ORDER BY a.due_on, h.id`,
        [subject.workerId],
      ),
    };
  }

  anonymise(): Promise<void> {
    return Promise.resolve();
  }
}
