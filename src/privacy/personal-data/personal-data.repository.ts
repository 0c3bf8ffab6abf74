import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DateKind, DateKinds } from './export-document';

export type Row = Record<string, unknown>;

/** Columns that are keys, hashes or search helpers rather than anyone's data; never exported. */
export const HIDDEN_COLUMNS = new Set([
  'cccd_encrypted',
  'cccd_hash',
  'search_key',
  'password_hash',
  'activation_code_hash',
  'checkin_token',
  'submission_key',
  'input_hash',
  'dedupe_key',
  'token_hash',
]);

/**
 * The order the export shows its sections in (each domain's provider supplies some of them); a
 * section no one lists here comes after these.
 */
export const SECTION_ORDER = [
  'employments',
  'identityReconciliations',
  'learningRecords',
  'learningSummary',
  'learningYears',
  'enrolments',
  'lessonProgress',
  'quizAttempts',
  'quizDraws',
  'courseCertificates',
  'attendance',
  'externalRecords',
  'citizenshipApplications',
  'citizenshipPlanItems',
  'citizenshipAnswers',
  'citizenshipEvaluations',
  'citizenshipEvaluationItems',
  'citizenshipHistory',
  'certificates',
  'notices',
  'roles',
  'reportingBodies',
  'consents',
  'requests',
];

/** Columns the sections rename (`AS …`) that hold dates; the entities tell the kind of the others. */
const ALIAS_KINDS: Record<string, DateKind> = { session_starts_at: 'instant' };

@Injectable()
export class PersonalDataRepository {
  private kinds: DateKinds | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Which columns hold calendar days (DATE) and which instants (DATETIME), as the entities declare
   * them: the raw rows do not say (mysql2 gives a Date for both, SQLite text for both). A column
   * name must mean the same kind in every table.
   */
  dateKinds(): DateKinds {
    if (this.kinds) return this.kinds;
    const kinds = new Map<string, DateKind>(Object.entries(ALIAS_KINDS));
    for (const entity of this.dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const kind: DateKind | undefined =
          column.type === 'date'
            ? 'date'
            : column.type === Date || column.type === 'datetime' || column.type === 'timestamp'
              ? 'instant'
              : undefined;
        if (!kind) continue;
        const known = kinds.get(column.databaseName);
        if (known && known !== kind)
          throw new Error(`${column.databaseName} is a ${known} in one table and a ${kind} in another`);
        kinds.set(column.databaseName, kind);
      }
    }
    this.kinds = kinds;
    return kinds;
  }
}
