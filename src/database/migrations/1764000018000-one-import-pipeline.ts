import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, datetime, fk, id, index, int, ref, timestamps, varchar } from './schema';

/** Message keys that moved from the roster's own to every import's (src/imports/imports.messages.ts). */
const MOVED_KEYS = [
  'upload.required',
  'upload.tooLarge',
  'upload.invalid',
  'upload.bomb',
  'upload.empty',
  'upload.xls',
  'upload.type',
  'upload.notUtf8',
  'error.missingColumn',
  'error.noRows',
  'error.unreadableXlsx',
  'error.internal',
  'error.unreadableCsv',
];

const RUN_COLUMNS =
  'kind, target_id, uploaded_by, original_name, stored_name, sha256, status, total_rows, created_count, updated_count, unchanged_count, error_count, job_run_id, file_deleted_at, created_at, updated_at';

/**
 * One import pipeline (issue 10): roster and attendance imports become runs of one table
 * (`import_runs`, the kind and its target: the enterprise of a roster, the session of an attendance
 * sheet) with one table of row errors. Roster imports keep their ids; attendance imports follow
 * them (their ids grow by the largest roster id), so old addresses of attendance imports change.
 * Jobs still queued under the old names ('roster.import', 'attendance.import') are not run by
 * this version: let the queue drain before upgrading.
 */
export class OneImportPipeline1764000018000 implements MigrationInterface {
  name = 'OneImportPipeline1764000018000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'import_runs',
      [
        id(),
        varchar('kind', 20),
        ref('target_id'),
        ref('uploaded_by'),
        varchar('original_name', 255),
        varchar('stored_name', 255),
        varchar('sha256', 64),
        varchar('status', 20),
        int('total_rows', 0),
        int('created_count', 0),
        int('updated_count', 0),
        int('unchanged_count', 0),
        int('error_count', 0),
        ref('job_run_id', true),
        datetime('file_deleted_at'),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_import_runs_target', ['kind', 'target_id', 'id']),
          index('ix_import_runs_status', ['status', 'updated_at']),
        ],
      },
    );
    await createTable(
      q,
      'import_row_errors',
      [
        id(),
        ref('import_id'),
        int('row_number'),
        varchar('column_name', 100, true),
        varchar('message_key', 100),
        varchar('params', 500, true),
      ],
      {
        indices: [index('ix_import_row_errors', ['import_id', 'row_number'])],
        foreignKeys: [fk('import_id', 'import_runs', 'CASCADE')],
      },
    );

    const [{ top }] = await q.query('SELECT COALESCE(MAX(id), 0) AS top FROM roster_imports');
    const offset = Number(top);
    await q.query(
      `INSERT INTO import_runs (id, ${RUN_COLUMNS})
       SELECT id, 'ROSTER', enterprise_id, uploaded_by, original_name, stored_name, sha256, status, total_rows,
              created_count, updated_count, unchanged_count, error_count, job_run_id, file_deleted_at, created_at, updated_at
       FROM roster_imports`,
    );
    await q.query(
      `INSERT INTO import_runs (id, ${RUN_COLUMNS})
       SELECT id + ?, 'ATTENDANCE', session_id, uploaded_by, original_name, stored_name, sha256, status, total_rows,
              recorded_count, 0, unchanged_count, error_count, job_run_id, file_deleted_at, created_at, updated_at
       FROM attendance_imports`,
      [offset],
    );
    await q.query(
      `INSERT INTO import_row_errors (import_id, \`row_number\`, column_name, message_key, params)
       SELECT import_id, \`row_number\`, column_name, message_key, params FROM roster_import_errors ORDER BY id`,
    );
    await q.query(
      `INSERT INTO import_row_errors (import_id, \`row_number\`, column_name, message_key, params)
       SELECT import_id + ?, \`row_number\`, column_name, message_key, params FROM attendance_import_errors ORDER BY id`,
      [offset],
    );
    for (const key of MOVED_KEYS)
      await q.query('UPDATE import_row_errors SET message_key = ? WHERE message_key = ?', [
        `import.${key}`,
        `roster.${key}`,
      ]);

    await q.dropTable('roster_import_errors');
    await q.dropTable('roster_imports');
    await q.dropTable('attendance_import_errors');
    await q.dropTable('attendance_imports');
  }

  async down(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'roster_imports',
      [
        id(),
        ref('enterprise_id'),
        ref('uploaded_by'),
        varchar('original_name', 255),
        varchar('stored_name', 255),
        varchar('sha256', 64),
        varchar('status', 20),
        int('total_rows', 0),
        int('created_count', 0),
        int('updated_count', 0),
        int('unchanged_count', 0),
        int('error_count', 0),
        ref('job_run_id', true),
        ...timestamps(),
        datetime('file_deleted_at'),
      ],
      {
        indices: [index('ix_roster_imports_enterprise', ['enterprise_id'])],
        foreignKeys: [fk('enterprise_id', 'enterprises')],
      },
    );
    await createTable(q, 'roster_import_errors', errorColumns(), {
      indices: [index('ix_roster_import_errors', ['import_id', 'row_number'])],
      foreignKeys: [fk('import_id', 'roster_imports', 'CASCADE')],
    });
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
        datetime('file_deleted_at'),
      ],
      {
        indices: [index('ix_attendance_imports_session', ['session_id'])],
        foreignKeys: [fk('session_id', 'learning_sessions', 'CASCADE')],
      },
    );
    await createTable(q, 'attendance_import_errors', errorColumns(), {
      indices: [index('ix_attendance_import_errors', ['import_id', 'row_number'])],
      foreignKeys: [fk('import_id', 'attendance_imports', 'CASCADE')],
    });
    for (const key of MOVED_KEYS)
      await q.query('UPDATE import_row_errors SET message_key = ? WHERE message_key = ?', [
        `roster.${key}`,
        `import.${key}`,
      ]);
    const rest =
      'uploaded_by, original_name, stored_name, sha256, status, total_rows, unchanged_count, error_count, job_run_id, file_deleted_at, created_at, updated_at';
    await q.query(
      `INSERT INTO roster_imports (id, enterprise_id, created_count, updated_count, ${rest})
       SELECT id, target_id, created_count, updated_count, ${rest} FROM import_runs WHERE kind = 'ROSTER'`,
    );
    await q.query(
      `INSERT INTO attendance_imports (id, session_id, recorded_count, ${rest})
       SELECT id, target_id, created_count, ${rest} FROM import_runs WHERE kind = 'ATTENDANCE'`,
    );
    for (const [table, kind] of [
      ['roster_import_errors', 'ROSTER'],
      ['attendance_import_errors', 'ATTENDANCE'],
    ])
      await q.query(
        `INSERT INTO ${table} (import_id, \`row_number\`, column_name, message_key, params)
         SELECT e.import_id, e.\`row_number\`, e.column_name, e.message_key, e.params
         FROM import_row_errors e JOIN import_runs r ON r.id = e.import_id WHERE r.kind = ? ORDER BY e.id`,
        [kind],
      );
    await q.dropTable('import_row_errors');
    await q.dropTable('import_runs');
  }
}

function errorColumns() {
  return [
    id(),
    ref('import_id'),
    int('row_number'),
    varchar('column_name', 100, true),
    varchar('message_key', 100),
    varchar('params', 500, true),
  ];
}
