import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { bigId, createTable, date, datetime, fk, id, index, ref, text, timestamps, varchar } from './schema';

/**
 * Personal data (Law 91/2025/QH15, Decree 356/2025): consent to a versioned privacy notice, the
 * access log of full CCCD numbers, the data subject's requests (deletion, correction) with their
 * 15-day due date, the anonymisation mark on workers, and when an uploaded import file was deleted.
 */
export class Privacy1764000013000 implements MigrationInterface {
  name = 'Privacy1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'privacy_consents',
      [id(), ref('user_id'), { name: 'notice_version', type: 'integer' }, datetime('accepted_at', false)],
      {
        indices: [index('uq_privacy_consents', ['user_id', 'notice_version'], true)],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
      },
    );
    /** One row per worker whose full CCCD was shown; never the number itself. */
    await createTable(
      q,
      'pii_access_log',
      [
        bigId(q),
        ref('worker_id'),
        ref('viewer_user_id'),
        varchar('viewer_role', 40),
        varchar('viewer_scope_type', 20),
        ref('viewer_scope_id', true),
        varchar('action', 20),
        varchar('route', 200),
        datetime('at', false),
      ],
      {
        indices: [
          index('ix_pii_access_log_worker', ['worker_id', 'at']),
          index('ix_pii_access_log_viewer', ['viewer_user_id', 'at']),
        ],
        foreignKeys: [fk('worker_id', 'workers', 'CASCADE')],
      },
    );
    await createTable(
      q,
      'privacy_requests',
      [
        id(),
        ref('user_id'),
        ref('worker_id', true),
        varchar('kind', 20),
        text('details'),
        varchar('status', 20),
        datetime('requested_at', false),
        date('due_on'),
        ref('handled_by', true),
        datetime('handled_at'),
        text('outcome'),
        ...timestamps(),
      ],
      {
        indices: [
          index('ix_privacy_requests_status', ['status', 'due_on']),
          index('ix_privacy_requests_user', ['user_id']),
        ],
        foreignKeys: [fk('user_id', 'users', 'CASCADE'), fk('worker_id', 'workers', 'SET NULL')],
      },
    );
    await q.addColumn('workers', new TableColumn(datetime('anonymised_at')));
    await q.addColumn('roster_imports', new TableColumn(datetime('file_deleted_at')));
    await q.addColumn('attendance_imports', new TableColumn(datetime('file_deleted_at')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('attendance_imports', 'file_deleted_at');
    await q.dropColumn('roster_imports', 'file_deleted_at');
    await q.dropColumn('workers', 'anonymised_at');
    for (const table of ['privacy_requests', 'pii_access_log', 'privacy_consents']) await q.dropTable(table);
  }
}
