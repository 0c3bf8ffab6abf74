import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';

/** A person's in-app notices: exported, and deleted on anonymisation (they name what happened to them). */
@Injectable()
export class NoticesPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['notices'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    return {
      notices: await this.db.query('SELECT * FROM notices WHERE user_id = ? ORDER BY id', [subject.userId]),
    };
  }

  async anonymise(manager: EntityManager, subject: DataSubject): Promise<void> {
    await manager.query('DELETE FROM notices WHERE user_id = ?', [subject.userId]);
  }
}
