import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, date, fk, id, index, int, ref, timestamps } from './schema';

/**
 * Federation assignments (issue 13): the federation gives a published course to every worker
 * employed at enterprises in a territory, with a due date. Only the rule is stored (unit, course,
 * due day, unique together); who holds it is read from current employments.
 */
export class TerritoryAssignments1764000027000 implements MigrationInterface {
  name = 'TerritoryAssignments1764000027000';

  async up(q: QueryRunner): Promise<void> {
    await createTable(
      q,
      'territory_assignments',
      [
        id(),
        ref('unit_id'),
        ref('course_id'),
        date('due_on'),
        int('remind_days_before', 3),
        ref('created_by'),
        ...timestamps(),
      ],
      {
        indices: [
          index('uq_territory_assignments_key', ['unit_id', 'course_id', 'due_on'], true),
          index('ix_territory_assignments_due', ['due_on']),
        ],
        foreignKeys: [fk('unit_id', 'admin_units'), fk('course_id', 'courses')],
      },
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('territory_assignments');
  }
}
