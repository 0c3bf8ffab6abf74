import { MigrationInterface, QueryRunner } from 'typeorm';
import { bool, createTable, date, datetime, fk, id, index, int, ref, timestamps } from './schema';

/**
 * Assignments (issue 13): a union officer gives a published course to workers of their enterprise
 * with a due date. A worker holds a course's assignment once per enterprise (unique enterprise,
 * course, worker), so assigning again never duplicates; the reminder before the due date is sent
 * once (reminded_at).
 */
export class Assignments1764000024000 implements MigrationInterface {
  name = 'Assignments1764000024000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'assignments',
      [
        id(),
        ref('enterprise_id'),
        ref('course_id'),
        date('due_on'),
        int('remind_days_before', 3),
        bool('whole_roster', false),
        ref('created_by'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_assignments_key', ['enterprise_id', 'course_id', 'due_on'], true),
          index('ix_assignments_due', ['due_on']),
        ],
        foreignKeys: [fk('enterprise_id', 'enterprises'), fk('course_id', 'courses')],
      },
    );
    await createTable(
      q,
      'assignment_workers',
      [
        id(),
        ref('assignment_id'),
        ref('enterprise_id'),
        ref('course_id'),
        ref('worker_id'),
        datetime('reminded_at'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_assignment_workers_key', ['enterprise_id', 'course_id', 'worker_id'], true),
          index('ix_assignment_workers_assignment', ['assignment_id', 'worker_id']),
          index('ix_assignment_workers_worker', ['worker_id']),
        ],
        foreignKeys: [fk('assignment_id', 'assignments', 'CASCADE'), fk('worker_id', 'workers')],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('assignment_workers');
    await q.dropTable('assignments');
  }
}
