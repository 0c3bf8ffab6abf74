import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';

/** The person's consents and requests; kept on anonymisation (they record that the law was followed). */
@Injectable()
export class PrivacyPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['privacy_consents', 'privacy_requests'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    const [consents, requests] = await Promise.all([
      this.db.query(
        'SELECT notice_version, accepted_at FROM privacy_consents WHERE user_id = ? ORDER BY notice_version',
        [subject.userId],
      ),
      this.db.query(
        `SELECT id, kind, details, status, requested_at, due_on, handled_at, outcome
         FROM privacy_requests WHERE user_id = ? ORDER BY id`,
        [subject.userId],
      ),
    ]);
    return { consents, requests };
  }

  anonymise(): Promise<void> {
    return Promise.resolve();
  }
}
