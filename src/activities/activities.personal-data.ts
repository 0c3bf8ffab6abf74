import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';

/** A worker's attendance at in-person sessions, with what each session was. Kept on anonymisation. */
@Injectable()
export class ActivitiesPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['session_attendance'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    if (subject.workerId === null) return { attendance: [] };
    return {
      attendance: await this.db.query(
        `SELECT a.id, a.session_id, a.method, a.recorded_at, s.title AS session_title, s.kind AS session_kind,
                s.starts_at AS session_starts_at, s.place AS session_place, s.hours AS session_hours
         FROM session_attendance a JOIN learning_sessions s ON s.id = a.session_id
         WHERE a.worker_id = ? ORDER BY s.starts_at, a.id`,
        [subject.workerId],
      ),
    };
  }

  anonymise(): Promise<void> {
    return Promise.resolve();
  }
}
