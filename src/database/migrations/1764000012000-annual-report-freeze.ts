import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * What a submitted annual report freezes besides its figures: the date of the snapshot they came
 * from (the snapshot itself may later be replaced by a new roll-up), and, for the federation's
 * province report, the reporting bodies that had not submitted when it was compiled.
 */
export class AnnualReportFreeze1764000012000 implements MigrationInterface {
  name = 'AnnualReportFreeze1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('annual_reports', [
      new TableColumn({ name: 'snapshot_as_of', type: 'date', isNullable: true }),
      new TableColumn({ name: 'pending_bodies', type: 'text', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('annual_reports', 'pending_bodies');
    await q.dropColumn('annual_reports', 'snapshot_as_of');
  }
}
