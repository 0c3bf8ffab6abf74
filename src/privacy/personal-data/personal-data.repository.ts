import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { foldVietnamese } from '../../common/text/vietnamese';
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

/** A section of a person's export: rows of one kind, found by the worker id or the user id. */
interface SectionQuery {
  key: string;
  by: 'worker' | 'user';
  sql: string;
}

/**
 * Everything hoctap keeps about one person, read with plain SQL across the domains (the same on
 * SQLite and MySQL). Each query names its table's owner column; rows are small per person.
 */
const SECTIONS: SectionQuery[] = [
  {
    key: 'employments',
    by: 'worker',
    sql: `SELECT e.*, ent.name AS enterprise_name, ent.tax_code AS enterprise_tax_code
          FROM employments e JOIN enterprises ent ON ent.id = e.enterprise_id
          WHERE e.worker_id = ? ORDER BY e.start_date, e.id`,
  },
  {
    key: 'learningRecords',
    by: 'worker',
    sql: `SELECT r.*, (SELECT GROUP_CONCAT(d.domain_code) FROM learning_record_domains d WHERE d.record_id = r.id) AS domains
          FROM learning_records r WHERE r.worker_id = ? ORDER BY r.occurred_on, r.id`,
  },
  {
    key: 'identityReconciliations',
    by: 'worker',
    sql: `SELECT r.id, r.full_name, r.date_of_birth, r.gender, r.start_date, r.end_date, r.status, r.decision_reason,
                 r.created_at, r.decided_at, ent.name AS enterprise_name
          FROM identity_reconciliations r JOIN enterprises ent ON ent.id = r.enterprise_id
          WHERE r.worker_id = ? ORDER BY r.id`,
  },
  { key: 'learningSummary', by: 'worker', sql: 'SELECT * FROM worker_learning_summary WHERE worker_id = ?' },
  {
    key: 'learningYears',
    by: 'worker',
    sql: 'SELECT * FROM worker_learning_years WHERE worker_id = ? ORDER BY year',
  },
  {
    key: 'enrolments',
    by: 'worker',
    sql: `SELECT en.*, c.title AS course_title FROM enrolments en JOIN courses c ON c.id = en.course_id
          WHERE en.worker_id = ? ORDER BY en.enrolled_at, en.id`,
  },
  {
    key: 'lessonProgress',
    by: 'worker',
    sql: `SELECT lp.*, l.title AS lesson_title FROM lesson_progress lp
          JOIN enrolments en ON en.id = lp.enrolment_id JOIN lessons l ON l.id = lp.lesson_id
          WHERE en.worker_id = ? ORDER BY lp.id`,
  },
  {
    key: 'quizAttempts',
    by: 'worker',
    sql: `SELECT qa.* FROM quiz_attempts qa JOIN enrolments en ON en.id = qa.enrolment_id
          WHERE en.worker_id = ? ORDER BY qa.id`,
  },
  {
    key: 'courseCertificates',
    by: 'worker',
    sql: `SELECT cc.*, c.title AS course_title FROM course_certificates cc JOIN courses c ON c.id = cc.course_id
          WHERE cc.worker_id = ? ORDER BY cc.id`,
  },
  {
    key: 'attendance',
    by: 'worker',
    sql: `SELECT a.id, a.session_id, a.method, a.recorded_at, s.title AS session_title, s.kind AS session_kind,
                 s.starts_at AS session_starts_at, s.place AS session_place, s.hours AS session_hours
          FROM session_attendance a JOIN learning_sessions s ON s.id = a.session_id
          WHERE a.worker_id = ? ORDER BY s.starts_at, a.id`,
  },
  {
    key: 'externalRecords',
    by: 'worker',
    sql: `SELECT x.*, i.name AS institution_name FROM external_records x
          JOIN training_institutions i ON i.id = x.institution_id WHERE x.worker_id = ? ORDER BY x.completed_on, x.id`,
  },
  {
    key: 'citizenshipApplications',
    by: 'worker',
    sql: 'SELECT * FROM citizenship_applications WHERE worker_id = ? ORDER BY year, id',
  },
  {
    key: 'citizenshipPlanItems',
    by: 'worker',
    sql: `SELECT p.* FROM learning_plan_items p JOIN citizenship_applications a ON a.id = p.application_id
          WHERE a.worker_id = ? ORDER BY p.application_id, p.domain_code`,
  },
  {
    key: 'citizenshipAnswers',
    by: 'worker',
    sql: `SELECT s.* FROM citizenship_answers s JOIN citizenship_applications a ON a.id = s.application_id
          WHERE a.worker_id = ? ORDER BY s.application_id, s.criterion_code`,
  },
  {
    key: 'citizenshipEvaluations',
    by: 'worker',
    sql: `SELECT ev.* FROM citizenship_evaluations ev JOIN citizenship_applications a ON a.id = ev.application_id
          WHERE a.worker_id = ? ORDER BY ev.id`,
  },
  {
    key: 'citizenshipEvaluationItems',
    by: 'worker',
    sql: `SELECT it.* FROM citizenship_evaluation_items it
          JOIN citizenship_evaluations ev ON ev.id = it.evaluation_id
          JOIN citizenship_applications a ON a.id = ev.application_id
          WHERE a.worker_id = ? ORDER BY it.evaluation_id, it.criterion_code`,
  },
  {
    key: 'citizenshipHistory',
    by: 'worker',
    sql: `SELECT au.id, au.application_id, au.action, au.comment, au.at FROM citizenship_audit au
          JOIN citizenship_applications a ON a.id = au.application_id WHERE a.worker_id = ? ORDER BY au.id`,
  },
  {
    key: 'certificates',
    by: 'worker',
    sql: 'SELECT * FROM recognitions WHERE worker_id = ? ORDER BY year, id',
  },
  { key: 'notices', by: 'user', sql: 'SELECT * FROM notices WHERE user_id = ? ORDER BY id' },
  {
    key: 'roles',
    by: 'user',
    sql: 'SELECT role, scope_type, scope_id, created_at FROM role_assignments WHERE user_id = ? ORDER BY id',
  },
  {
    key: 'consents',
    by: 'user',
    sql: 'SELECT notice_version, accepted_at FROM privacy_consents WHERE user_id = ? ORDER BY notice_version',
  },
  {
    key: 'requests',
    by: 'user',
    sql: `SELECT id, kind, details, status, requested_at, due_on, handled_at, outcome
          FROM privacy_requests WHERE user_id = ? ORDER BY id`,
  },
];

export const SECTION_KEYS = SECTIONS.map((s) => s.key);

/** Columns the sections rename (`AS …`) that hold dates; the entities tell the kind of the others. */
const ALIAS_KINDS: Record<string, DateKind> = { session_starts_at: 'instant' };

/** Placeholders written over a worker's identity on deletion; the id keeps rows apart. */
export const ANONYMOUS = {
  fullName: (workerId: number) => `Người lao động ẩn danh #${workerId}`,
  dateOfBirth: '1900-01-01',
  cccd: '000000000000',
  cccdHash: (workerId: number) => `anonymised:${workerId}`,
  username: (userId: number) => `an-danh-${userId}`,
  displayName: (userId: number) => `Tài khoản ẩn danh #${userId}`,
  statement: '[đã xoá theo yêu cầu của người lao động]',
};

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

  async account(userId: number): Promise<Row | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, username, display_name, email, status, locale, last_login_at, created_at
       FROM users WHERE id = ?`,
      [userId],
    );
    return row ?? null;
  }

  async worker(workerId: number, manager?: EntityManager): Promise<Row | null> {
    const [row] = await (manager ?? this.dataSource.manager).query('SELECT * FROM workers WHERE id = ?', [
      workerId,
    ]);
    return row ?? null;
  }

  async workerOfUser(userId: number): Promise<number | null> {
    const [row] = await this.dataSource.query('SELECT id FROM workers WHERE user_id = ?', [userId]);
    return row ? Number(row.id) : null;
  }

  async workerIdByCccdHash(cccdHash: string): Promise<number | null> {
    const [row] = await this.dataSource.query('SELECT id FROM workers WHERE cccd_hash = ?', [cccdHash]);
    return row ? Number(row.id) : null;
  }

  /** Each section's rows for this person; worker sections are empty for someone who is not a worker. */
  async sections(userId: number, workerId: number | null): Promise<Record<string, Row[]>> {
    const out: Record<string, Row[]> = {};
    for (const section of SECTIONS) {
      const owner = section.by === 'worker' ? workerId : userId;
      out[section.key] = owner === null ? [] : await this.dataSource.query(section.sql, [owner]);
    }
    return out;
  }

  /**
   * Replaces the worker's identity with placeholders and closes their login, in the caller's
   * transaction. What counts for the indicators (employments, learning records and summaries,
   * attendance, applications, recognitions) stays, attached to the anonymous worker.
   */
  async anonymise(
    manager: EntityManager,
    target: { workerId: number | null; userId: number },
    cccdPlaceholderEncrypted: string,
    when: Date,
  ): Promise<void> {
    const { workerId, userId } = target;
    const at = dbDateTime(manager, when);
    if (workerId !== null) {
      await manager.query(
        `UPDATE workers SET full_name = ?, search_key = ?, date_of_birth = ?, cccd_encrypted = ?, cccd_hash = ?,
                anonymised_at = ?, updated_at = ? WHERE id = ?`,
        [
          ANONYMOUS.fullName(workerId),
          foldVietnamese(ANONYMOUS.fullName(workerId)),
          ANONYMOUS.dateOfBirth,
          cccdPlaceholderEncrypted,
          ANONYMOUS.cccdHash(workerId),
          at,
          at,
          workerId,
        ],
      );
      await manager.query(
        'UPDATE employments SET employee_code = NULL, phone = NULL, email = NULL WHERE worker_id = ?',
        [workerId],
      );
      await manager.query(
        `UPDATE identity_reconciliations SET full_name = ?, date_of_birth = ?, employee_code = NULL, phone = NULL,
                email = NULL WHERE worker_id = ?`,
        [ANONYMOUS.fullName(workerId), ANONYMOUS.dateOfBirth, workerId],
      );
      await manager.query(
        `UPDATE citizenship_answers SET statement = ? WHERE application_id IN
           (SELECT id FROM citizenship_applications WHERE worker_id = ?)`,
        [ANONYMOUS.statement, workerId],
      );
    }
    await manager.query(
      `UPDATE users SET username = ?, display_name = ?, email = NULL, password_hash = NULL, status = 'DISABLED',
              activation_code_hash = NULL, activation_expires_at = NULL, sessions_valid_after = ?, updated_at = ?
       WHERE id = ?`,
      [ANONYMOUS.username(userId), ANONYMOUS.displayName(userId), at, at, userId],
    );
    await manager.query('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
      at,
      userId,
    ]);
    await manager.query('DELETE FROM notices WHERE user_id = ?', [userId]);
  }
}

/** A Date as a raw query parameter: mysql2 converts it; better-sqlite3 needs TypeORM's UTC text. */
export function dbDateTime(manager: EntityManager, value: Date): Date | string {
  return manager.connection.driver.options.type === 'mysql'
    ? value
    : value.toISOString().replace('T', ' ').replace('Z', '');
}
