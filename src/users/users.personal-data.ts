import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Anonymisation,
  ANONYMOUS,
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';
import { dateTimeParam } from '../database/dialect';

/** A person's account and roles; anonymisation closes the account under a placeholder name. */
@Injectable()
export class UsersPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['users', 'role_assignments'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    const [account, roles] = await Promise.all([
      this.db.query(
        `SELECT id, username, display_name, email, status, locale, last_login_at, created_at
         FROM users WHERE id = ?`,
        [subject.userId],
      ),
      this.db.query(
        'SELECT role, scope_type, scope_id, created_at FROM role_assignments WHERE user_id = ? ORDER BY id',
        [subject.userId],
      ),
    ]);
    return { account, roles };
  }

  async anonymise(manager: EntityManager, subject: DataSubject, how: Anonymisation): Promise<void> {
    const at = dateTimeParam(manager.connection, how.when);
    await manager.query(
      `UPDATE users SET username = ?, display_name = ?, email = NULL, password_hash = NULL, status = 'DISABLED',
              activation_code_hash = NULL, activation_expires_at = NULL, sessions_valid_after = ?, updated_at = ?
       WHERE id = ?`,
      [ANONYMOUS.username(subject.userId), ANONYMOUS.displayName(subject.userId), at, at, subject.userId],
    );
  }
}
