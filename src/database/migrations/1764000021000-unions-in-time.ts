import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { date, ref } from './schema';

/**
 * Grassroots unions change in time like units and branches (issue 11): the day a union was
 * dissolved (its enterprise closed or merged) and the union that took over its members. Existing
 * unions stay open: whether and when one ended is the federation's fact, not the database's.
 */
export class UnionsInTime1764000021000 implements MigrationInterface {
  name = 'UnionsInTime1764000021000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('grassroots_unions', [
      new TableColumn(date('dissolved_on', true)),
      new TableColumn(ref('successor_id', true)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('grassroots_unions', 'successor_id');
    await q.dropColumn('grassroots_unions', 'dissolved_on');
  }
}
