import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { datetime, ref } from './schema';

/**
 * Learning citizen: who activated a criteria version, and when a newer one retired it. Activation
 * is the one step on criteria that is not an application's, so it is kept on the version itself.
 */
export class CriteriaActivation1764000008000 implements MigrationInterface {
  name = 'CriteriaActivation1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('criteria_sets', new TableColumn(ref('activated_by', true)));
    await q.addColumn('criteria_sets', new TableColumn(datetime('retired_at')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('criteria_sets', 'retired_at');
    await q.dropColumn('criteria_sets', 'activated_by');
  }
}
