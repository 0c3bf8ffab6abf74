import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { ref } from './schema';

/**
 * Learning citizen: the association branch that owns a criteria set — the one whose reviewers may
 * create its versions, edit its drafts and activate them. Null for the sets no branch created (the
 * reference criteria): those belong to the branches at the top of the administrative tree, the
 * province's association (CriteriaSetsService.owners).
 */
export class CriteriaOwner1764000016100 implements MigrationInterface {
  name = 'CriteriaOwner1764000016100';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('criteria_sets', new TableColumn(ref('branch_id', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('criteria_sets', 'branch_id');
  }
}
