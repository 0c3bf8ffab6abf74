import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { index } from './schema';

const INDICES: [table: string, options: ReturnType<typeof index>][] = [
  ['job_runs', index('ix_job_runs_finished', ['finished_at'])],
  ['import_runs', index('ix_import_runs_job_run', ['job_run_id'])],
  ['indicator_snapshots', index('ix_indicator_snapshots_job_run', ['job_run_id'])],
];

/**
 * Old finished job runs are deleted in batches (jobs/job-run-retention.ts): the oldest are found by
 * when they finished, and a run an import or a snapshot points at is recognised by its id, both
 * from an index instead of a scan of millions of runs for every batch.
 */
export class JobRunRetention1764000019000 implements MigrationInterface {
  name = 'JobRunRetention1764000019000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, options] of INDICES) await q.createIndex(table, new TableIndex(options));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, options] of [...INDICES].reverse()) await q.dropIndex(table, options.name!);
  }
}
