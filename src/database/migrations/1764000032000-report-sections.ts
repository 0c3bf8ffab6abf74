import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { longText } from './schema';

/**
 * What a submitted annual report freezes of the sections other domains add to it (learning needs,
 * campaigns, contests, commendations, enterprises' support): the tables as they were on
 * submission, as JSON. Null in drafts and in reports submitted before sections existed.
 */
export class ReportSections1764000032000 implements MigrationInterface {
  name = 'ReportSections1764000032000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('annual_reports', new TableColumn(longText(q, 'sections')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('annual_reports', 'sections');
  }
}
