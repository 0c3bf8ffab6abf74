import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One row of a person's data as a domain reads it (database column names, as stored). */
export type PersonalRow = Record<string, unknown>;

/** Whose data: their login, and their worker record when they are a worker. */
export interface DataSubject {
  userId: number;
  workerId: number | null;
}

/** What an anonymisation writes over the identity. */
export interface Anonymisation {
  when: Date;
  /** The placeholder CCCD (ANONYMOUS.cccd), already encrypted with the current key. */
  cccdPlaceholderEncrypted: string;
}

/** Placeholders written over a person's identity on deletion; the id keeps rows apart. */
export const ANONYMOUS = {
  fullName: (workerId: number) => `Người lao động ẩn danh #${workerId}`,
  dateOfBirth: '1900-01-01',
  cccd: '000000000000',
  cccdHash: (workerId: number) => `anonymised:${workerId}`,
  username: (userId: number) => `an-danh-${userId}`,
  displayName: (userId: number) => `Tài khoản ẩn danh #${userId}`,
  statement: '[đã xoá theo yêu cầu của người lao động]',
};

/**
 * Work a provider's anonymisation leaves for after its transaction has committed: deleting stored
 * files' bytes, which no rollback could bring back.
 */
export type AfterCommit = () => Promise<void>;

/**
 * A domain's part of the Personal Data Protection Law's duties: what it keeps about a person (for
 * their export) and how it forgets who they are (anonymisation), for its own tables only. Every
 * table with a worker_id or user_id column must be listed by one provider (a test checks the schema).
 */
export interface PersonalDataProvider {
  /** The tables this provider answers for. */
  readonly tables: readonly string[];
  /** Export sections by key (shown as privacy.export.section.<key>); 'account' and 'profile' are single rows. */
  export(subject: DataSubject): Promise<Record<string, PersonalRow[]>>;
  /**
   * Replaces what identifies the person in these tables, in the anonymisation's transaction. What
   * cannot be undone (files' bytes) is returned as AfterCommit, run only once that has committed.
   */
  anonymise(manager: EntityManager, subject: DataSubject, how: Anonymisation): Promise<void | AfterCommit>;
}

/** Where domains register their providers (at module init); the privacy domain asks them all. */
@Injectable()
export class PersonalDataProviders {
  private readonly providers: PersonalDataProvider[] = [];

  register(provider: PersonalDataProvider): void {
    this.providers.push(provider);
  }

  all(): readonly PersonalDataProvider[] {
    return this.providers;
  }
}
