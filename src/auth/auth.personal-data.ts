import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Anonymisation,
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';
import { dateTimeParam } from '../database/dialect';

/**
 * A person's API tokens are credentials, kept only as hashes: not exported; anonymisation revokes
 * them (their sessions end with the account's "valid after", set by the users provider).
 */
@Injectable()
export class AuthPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['api_tokens'];

  constructor(private readonly providers: PersonalDataProviders) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  export(): Promise<Record<string, PersonalRow[]>> {
    return Promise.resolve({});
  }

  async anonymise(manager: EntityManager, subject: DataSubject, how: Anonymisation): Promise<void> {
    await manager.query('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
      dateTimeParam(manager.connection, how.when),
      subject.userId,
    ]);
  }
}
