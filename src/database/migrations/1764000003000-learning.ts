import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  bigId,
  bool,
  createTable,
  date,
  datetime,
  decimal,
  fk,
  id,
  index,
  int,
  key,
  longText,
  ref,
  text,
  timestamps,
  varchar,
} from './schema';

/**
 * Learning (issue 3): stored files, courses with lessons and quizzes, open learning materials,
 * enrolments and progress, in-person sessions and attendance, external records, and the one
 * learning-record store with its per-worker summaries.
 */
export class Learning1764000003000 implements MigrationInterface {
  name = 'Learning1764000003000';

  async up(q: QueryRunner): Promise<void> {
    const domainFk = fk('domain_code', 'learning_domains');
    domainFk.referencedColumnNames = ['code'];
    const domainsOf = async (table: string, owner: string, ownerTable: string) =>
      createTable(q, table, [key(owner, 'integer'), key('domain_code', 'varchar', 20)], {
        indices: [index(`ix_${table}_domain`, ['domain_code'])],
        foreignKeys: [fk(owner, ownerTable, 'CASCADE'), { ...domainFk }],
      });

    // --- files -------------------------------------------------------------------------------
    await createTable(
      q,
      'stored_files',
      [
        id(),
        varchar('owner_type', 20),
        int('owner_id', 0),
        varchar('original_name', 255),
        varchar('stored_name', 255),
        varchar('kind', 20),
        varchar('mime', 100),
        { name: 'size_bytes', type: 'bigint' },
        varchar('sha256', 64),
        ref('uploaded_by', true),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_stored_files_name', ['stored_name'], true),
          index('ix_stored_files_owner', ['owner_type', 'owner_id']),
        ],
      },
    );

    // --- catalog -----------------------------------------------------------------------------
    await createTable(
      q,
      'courses',
      [
        id(),
        ref('institution_id'),
        varchar('title', 300),
        varchar('search_key', 300),
        text('summary'),
        varchar('level', 20),
        decimal('estimated_hours', 6, 2),
        varchar('language', 10),
        varchar('licence', 30),
        ref('cover_file_id', true),
        varchar('status', 20),
        datetime('published_at'),
        datetime('archived_at'),
        ref('created_by', true),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_courses_institution', ['institution_id']),
          index('ix_courses_status', ['status']),
        ],
        foreignKeys: [
          fk('institution_id', 'training_institutions'),
          fk('cover_file_id', 'stored_files', 'SET NULL'),
        ],
      },
    );
    await domainsOf('course_domains', 'course_id', 'courses');
    await createTable(
      q,
      'lessons',
      [
        id(),
        ref('course_id'),
        int('position', 0),
        varchar('title', 300),
        longText(q, 'body_html'),
        varchar('video_url', 500, true),
        bool('required', true),
        varchar('completion_rule', 20),
        int('min_minutes', undefined, true),
        varchar('status', 20),
        ...timestamps(),
      ],
      {
        indices: [index('ix_lessons_course', ['course_id', 'position'])],
        foreignKeys: [fk('course_id', 'courses', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'lesson_files',
      [key('lesson_id', 'integer'), key('file_id', 'integer'), int('position', 0)],
      {
        foreignKeys: [fk('lesson_id', 'lessons', 'CASCADE'), fk('file_id', 'stored_files', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'quizzes',
      [
        id(),
        ref('course_id'),
        ref('lesson_id', true),
        varchar('title', 300),
        int('pass_percent', 80),
        int('max_attempts', 0),
        bool('shuffle', true),
        ...timestamps(),
      ],
      {
        indices: [index('ix_quizzes_course', ['course_id']), index('uq_quizzes_lesson', ['lesson_id'], true)],
        foreignKeys: [fk('course_id', 'courses', 'CASCADE'), fk('lesson_id', 'lessons', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'quiz_questions',
      [
        id(),
        ref('quiz_id'),
        int('position', 0),
        varchar('kind', 20),
        text('prompt', false),
        text('explanation'),
        varchar('status', 20),
        ...timestamps(),
      ],
      {
        indices: [index('ix_quiz_questions_quiz', ['quiz_id', 'position'])],
        foreignKeys: [fk('quiz_id', 'quizzes', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'quiz_options',
      [id(), ref('question_id'), int('position', 0), text('label', false), bool('correct', false)],
      {
        indices: [index('ix_quiz_options_question', ['question_id'])],
        foreignKeys: [fk('question_id', 'quiz_questions', 'CASCADE')],
      },
    );

    // --- open learning materials --------------------------------------------------------------
    await createTable(
      q,
      'learning_materials',
      [
        id(),
        ref('institution_id'),
        varchar('title', 300),
        varchar('search_key', 600),
        text('description'),
        varchar('kind', 10),
        ref('file_id', true),
        varchar('url', 500, true),
        varchar('licence', 30),
        varchar('author', 200),
        varchar('language', 10),
        varchar('keywords', 500, true),
        varchar('status', 20),
        int('download_count', 0),
        datetime('published_at'),
        ref('created_by', true),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_learning_materials_status', ['status']),
          index('ix_learning_materials_institution', ['institution_id']),
        ],
        foreignKeys: [
          fk('institution_id', 'training_institutions'),
          fk('file_id', 'stored_files', 'SET NULL'),
        ],
      },
    );
    await domainsOf('material_domains', 'material_id', 'learning_materials');

    // --- online learning: enrolments, progress, attempts, certificates ------------------------
    await createTable(
      q,
      'enrolments',
      [
        id(),
        ref('worker_id'),
        ref('course_id'),
        int('progress_percent', 0),
        datetime('enrolled_at', false),
        datetime('last_activity_at'),
        datetime('completed_at'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_enrolments', ['worker_id', 'course_id'], true),
          index('ix_enrolments_course', ['course_id']),
        ],
        foreignKeys: [fk('worker_id', 'workers', 'CASCADE'), fk('course_id', 'courses')],
      },
    );
    await createTable(
      q,
      'lesson_progress',
      [
        id(),
        ref('enrolment_id'),
        ref('lesson_id'),
        datetime('opened_at', false),
        int('seconds_spent', 0),
        datetime('quiz_passed_at'),
        datetime('completed_at'),
        ...timestamps(),
      ],
      {
        indices: [index('uq_lesson_progress', ['enrolment_id', 'lesson_id'], true)],
        foreignKeys: [fk('enrolment_id', 'enrolments', 'CASCADE'), fk('lesson_id', 'lessons', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'quiz_attempts',
      [
        id(),
        ref('enrolment_id'),
        ref('quiz_id'),
        int('attempt_no'),
        varchar('submission_key', 64),
        text('answers', false),
        int('score_percent', 0),
        bool('passed', false),
        datetime('submitted_at', false),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_quiz_attempts_no', ['enrolment_id', 'quiz_id', 'attempt_no'], true),
          index('uq_quiz_attempts_key', ['submission_key'], true),
        ],
        foreignKeys: [fk('enrolment_id', 'enrolments', 'CASCADE'), fk('quiz_id', 'quizzes', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'course_certificates',
      [
        id(),
        varchar('code', 32),
        ref('enrolment_id'),
        ref('worker_id'),
        ref('course_id'),
        decimal('hours', 6, 2),
        datetime('issued_at', false),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_course_certificates_code', ['code'], true),
          index('uq_course_certificates_enrolment', ['enrolment_id'], true),
        ],
        foreignKeys: [
          fk('enrolment_id', 'enrolments', 'CASCADE'),
          fk('worker_id', 'workers', 'CASCADE'),
          fk('course_id', 'courses'),
        ],
      },
    );

    // --- in-person learning -------------------------------------------------------------------
    await createTable(
      q,
      'learning_sessions',
      [
        id(),
        ref('enterprise_id'),
        varchar('kind', 30),
        varchar('title', 300),
        varchar('search_key', 300),
        text('description'),
        datetime('starts_at', false),
        datetime('ends_at', false),
        varchar('place', 300),
        varchar('organiser', 300),
        decimal('hours', 6, 2),
        varchar('checkin_token', 64),
        ref('created_by', true),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_learning_sessions_enterprise', ['enterprise_id', 'starts_at']),
          index('uq_learning_sessions_token', ['checkin_token'], true),
        ],
        foreignKeys: [fk('enterprise_id', 'enterprises')],
      },
    );
    await domainsOf('session_domains', 'session_id', 'learning_sessions');
    await createTable(
      q,
      'session_attendance',
      [
        id(),
        ref('session_id'),
        ref('worker_id'),
        varchar('method', 20),
        ref('recorded_by', true),
        datetime('recorded_at', false),
      ],
      {
        indices: [
          index('uq_session_attendance', ['session_id', 'worker_id'], true),
          index('ix_session_attendance_worker', ['worker_id']),
        ],
        foreignKeys: [
          fk('session_id', 'learning_sessions', 'CASCADE'),
          fk('worker_id', 'workers', 'CASCADE'),
        ],
      },
    );
    await createTable(
      q,
      'attendance_imports',
      [
        id(),
        ref('session_id'),
        ref('uploaded_by'),
        varchar('original_name', 255),
        varchar('stored_name', 255),
        varchar('sha256', 64),
        varchar('status', 20),
        int('total_rows', 0),
        int('recorded_count', 0),
        int('unchanged_count', 0),
        int('error_count', 0),
        ref('job_run_id', true),
        ...timestamps(),
      ],
      {
        indices: [index('ix_attendance_imports_session', ['session_id'])],
        foreignKeys: [fk('session_id', 'learning_sessions', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'attendance_import_errors',
      [
        id(),
        ref('import_id'),
        int('row_number'),
        varchar('column_name', 100, true),
        varchar('message_key', 100),
        varchar('params', 500, true),
      ],
      {
        indices: [index('ix_attendance_import_errors', ['import_id', 'row_number'])],
        foreignKeys: [fk('import_id', 'attendance_imports', 'CASCADE')],
      },
    );

    // --- external records -----------------------------------------------------------------------
    /** Enterprises that send workers to an institution ("đào tạo theo địa chỉ"); the institution may report on them. */
    await createTable(
      q,
      'institution_partnerships',
      [
        id(),
        ref('institution_id'),
        ref('enterprise_id'),
        date('since'),
        ref('created_by', true),
        ...timestamps(),
      ],
      {
        indices: [index('uq_institution_partnerships', ['institution_id', 'enterprise_id'], true)],
        foreignKeys: [
          fk('institution_id', 'training_institutions', 'CASCADE'),
          fk('enterprise_id', 'enterprises', 'CASCADE'),
        ],
      },
    );
    await createTable(
      q,
      'external_records',
      [
        id(),
        ref('institution_id'),
        varchar('external_id', 100),
        ref('worker_id'),
        varchar('title', 300),
        varchar('programme', 300, true),
        varchar('certificate_no', 100, true),
        date('completed_on'),
        decimal('hours', 6, 2),
        ref('submitted_by', true),
        ...timestamps(),
      ],
      {
        indices: [index('uq_external_records', ['institution_id', 'external_id'], true)],
        foreignKeys: [fk('institution_id', 'training_institutions'), fk('worker_id', 'workers', 'CASCADE')],
      },
    );

    // --- the learning-record store ----------------------------------------------------------------
    await createTable(
      q,
      'learning_records',
      [
        bigId(q),
        ref('worker_id'),
        date('occurred_on'),
        decimal('hours', 6, 2),
        varchar('source', 20),
        varchar('source_ref', 100),
        varchar('title', 300),
        ref('institution_id', true),
        ref('enterprise_id', true),
        { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
      ],
      {
        indices: [
          index('uq_learning_records_source', ['worker_id', 'source', 'source_ref'], true),
          index('ix_learning_records_occurred', ['occurred_on']),
        ],
        foreignKeys: [fk('worker_id', 'workers', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'learning_record_domains',
      [
        {
          ...key('record_id', 'integer'),
          type: q.connection.driver.options.type === 'mysql' ? 'bigint' : 'integer',
        },
        key('domain_code', 'varchar', 20),
      ],
      { foreignKeys: [fk('record_id', 'learning_records', 'CASCADE'), { ...domainFk }] },
    );
    const summaryColumns = [
      date('first_law_on', true),
      date('first_vocational_on', true),
      date('first_life_skills_on', true),
      date('first_digital_on', true),
      decimal('hours', 10, 2),
      int('records', 0),
      { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
    ];
    /** One row per worker: the first date reached in each domain, ever (DESIGN.md §3). */
    await createTable(q, 'worker_learning_summary', [key('worker_id', 'integer'), ...summaryColumns], {
      foreignKeys: [fk('worker_id', 'workers', 'CASCADE')],
    });
    /** One row per worker and year: the first date reached in each domain within that year. */
    await createTable(
      q,
      'worker_learning_years',
      [key('worker_id', 'integer'), key('year', 'integer'), ...summaryColumns],
      {
        indices: [index('ix_worker_learning_years_year', ['year'])],
        foreignKeys: [fk('worker_id', 'workers', 'CASCADE')],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'worker_learning_years',
      'worker_learning_summary',
      'learning_record_domains',
      'learning_records',
      'external_records',
      'institution_partnerships',
      'attendance_import_errors',
      'attendance_imports',
      'session_attendance',
      'session_domains',
      'learning_sessions',
      'course_certificates',
      'quiz_attempts',
      'lesson_progress',
      'enrolments',
      'material_domains',
      'learning_materials',
      'quiz_options',
      'quiz_questions',
      'quizzes',
      'lesson_files',
      'course_domains',
      'lessons',
      'courses',
      'stored_files',
    ]) {
      await q.dropTable(table, true);
    }
  }
}
