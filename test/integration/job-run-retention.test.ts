import { INestApplication } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ImportRun } from '../../src/imports/entities/import-run.entity';
import { JobRun } from '../../src/jobs/entities/job-run.entity';
import { JobRunRetention } from '../../src/jobs/job-run-retention';
import { JOB_RUN_OWNERS } from '../../src/jobs/job-runs.repository';
import { createRunsOfEveryKind, remainingRuns, RunsOfEveryKind } from '../support/job-runs-factory';
import { TEST_DATABASE } from '../support/services';
import { createTestApp } from '../support/test-app';

/**
 * The job run retention sweep on MariaDB (the SQLite case: test/e2e/job-run-retention.test.ts).
 * The database is shared with other test files: the sweep is given a clock of its own, and only
 * this file's runs are looked at.
 */
describe('job run retention (integration)', () => {
  const DAYS = 30;
  const DAY = 86_400_000;
  let app: INestApplication;
  let db: DataSource;
  let sut: JobRunRetention;
  let runs: RunsOfEveryKind;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql', env: { JOB_RUN_RETENTION_DAYS: String(DAYS) } });
    db = app.get(DataSource);
    sut = app.get(JobRunRetention);
  });

  afterAll(async () => {
    // Unfinished runs would be picked up by the next app that starts on this database.
    if (runs) {
      await db.getRepository(ImportRun).delete({ jobRunId: runs.ofImport });
      await db.getRepository(JobRun).delete({ id: In(runs.all) });
    }
    await app?.close();
  });

  it('deletes finished runs past the period in bounded batches, oldest first, and keeps the rest', async () => {
    const now = new Date();
    runs = await createRunsOfEveryKind(db, now, DAYS);

    // Two statements of two runs: four of the five due, oldest first (other files' runs finished
    // minutes ago, never a month); the newest is left for the next sweep.
    expect(await sut.sweep(now, { batch: 2, batches: 2 })).toBe(4);
    expect(await remainingRuns(db, runs.due)).toEqual(runs.due.slice(-1));
    expect(await sut.sweep(now)).toBe(1);
    const kept = [runs.recent, ...runs.unfinished, runs.ofImport, runs.ofSnapshot].sort((a, b) => a - b);
    expect(await remainingRuns(db, runs.all)).toEqual(kept);

    await sut.sweep(new Date(now.getTime() + 2 * DAY));
    expect(await remainingRuns(db, runs.all)).toEqual(kept.filter((id) => id !== runs.recent));
  });

  it('knows every table that points at a job run', async () => {
    const columns: { tableName: string; columnName: string }[] = await db.query(
      `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = ? AND COLUMN_NAME LIKE '%job%run%'`,
      [TEST_DATABASE],
    );
    expect(columns.map((c) => `${c.tableName}.${c.columnName}`).sort()).toEqual(
      JOB_RUN_OWNERS.map((o) => `${o.table}.${o.column}`).sort(),
    );
  });
});
