import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ANONYMOUS,
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../../common/personal-data/personal-data-providers';

/**
 * The books a worker logged. Their export shows every log; anonymisation overwrites the reflection
 * (the worker's own words) and keeps the book, the date and the decision, which the figures count.
 */
@Injectable()
export class BookLogsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['book_logs'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { bookLogs: [] };
    return {
      bookLogs: await this.db.query(
        `SELECT id, enterprise_id, campaign_id, title, author, read_on, reflection, status, hours, reason,
                decided_at, created_at
         FROM book_logs WHERE worker_id = ? ORDER BY read_on, id`,
        [subject.workerId],
      ),
    };
  }

  async anonymise(manager: EntityManager, subject: DataSubject): Promise<void> {
    if (subject.workerId === null) return;
    await manager.query('UPDATE book_logs SET reflection = ? WHERE worker_id = ?', [
      ANONYMOUS.statement,
      subject.workerId,
    ]);
  }
}
