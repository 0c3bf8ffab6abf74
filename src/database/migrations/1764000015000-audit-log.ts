import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, datetime, id, index, int, text, varchar } from './schema';

/** The append-only trail of identity and account steps (src/audit). */
export class AuditLog1764000015000 implements MigrationInterface {
  name = 'AuditLog1764000015000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'audit_log',
      [
        id(),
        datetime('at', false),
        int('actor_user_id', undefined, true),
        varchar('actor_name', 200, true),
        varchar('action', 60),
        varchar('subject_type', 30),
        int('subject_id'),
        text('details'),
        text('reason'),
      ],
      {
        indices: [
          index('ix_audit_log_subject', ['subject_type', 'subject_id', 'id']),
          index('ix_audit_log_action', ['action', 'id']),
        ],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_log');
  }
}
