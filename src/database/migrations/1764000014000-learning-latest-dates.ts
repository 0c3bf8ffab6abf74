import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { date, index } from './schema';

const DOMAINS = [
  ['LAW', 'latest_law_on'],
  ['VOCATIONAL', 'latest_vocational_on'],
  ['LIFE_SKILLS', 'latest_life_skills_on'],
  ['DIGITAL', 'latest_digital_on'],
] as const;

const HOLDERS_INDEX = index('ix_recognitions_holders', [
  'year',
  'worker_id',
  'status',
  'recognised_at',
  'revoked_at',
]);

/**
 * The latest date a worker learned in each domain, beside the first. With both, a roll-up decides
 * "learned inside the plan's window" from the worker's one summary row for nearly every worker —
 * the worker-year rows are read only for someone who learned before the plan and again after the
 * date counted (indicators/rollup.repository.ts). Filled from the records for existing data.
 *
 * And an index that answers "who held a title of year Y on D" from the index alone, for the
 * roll-up's count of title holders.
 */
export class LearningLatestDates1764000014000 implements MigrationInterface {
  name = 'LearningLatestDates1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns(
      'worker_learning_summary',
      DOMAINS.map(([, column]) => new TableColumn(date(column, true))),
    );
    for (const [code, column] of DOMAINS) {
      await q.query(
        `UPDATE worker_learning_summary SET ${column} = (
           SELECT MAX(r.occurred_on) FROM learning_records r
           JOIN learning_record_domains d ON d.record_id = r.id
           WHERE r.worker_id = worker_learning_summary.worker_id AND d.domain_code = ?)`,
        [code],
      );
    }
    await q.createIndex('recognitions', new TableIndex(HOLDERS_INDEX));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('recognitions', HOLDERS_INDEX.name!);
    for (const [, column] of DOMAINS) await q.dropColumn('worker_learning_summary', column);
  }
}
