import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';

/**
 * The reporting bodies a person fills the annual report in for; an anonymised account leaves them.
 * `employment_reach` holds what the figures know of a worker (copies of their employments' dates,
 * learning summary and title), exported as it is; nothing in it names the person, so anonymisation
 * leaves it (the figures keep counting), and it goes with the employments when they are deleted.
 */
@Injectable()
export class IndicatorsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['reporting_body_members', 'employment_reach'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    return {
      reportingBodies: await this.db.query(
        `SELECT m.body_id, b.name AS body_name, m.created_at FROM reporting_body_members m
         JOIN reporting_bodies b ON b.id = m.body_id WHERE m.user_id = ? ORDER BY m.id`,
        [subject.userId],
      ),
      employmentReach:
        subject.workerId === null
          ? []
          : await this.db.query('SELECT * FROM employment_reach WHERE worker_id = ? ORDER BY start_date', [
              subject.workerId,
            ]),
    };
  }

  async anonymise(manager: EntityManager, subject: DataSubject): Promise<void> {
    await manager.query('DELETE FROM reporting_body_members WHERE user_id = ?', [subject.userId]);
  }
}
