import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobRunRetention } from '../../src/jobs/job-run-retention';
import { JOB_RUN_OWNERS } from '../../src/jobs/job-runs.repository';
import { createRunsOfEveryKind, remainingRuns, RunsOfEveryKind } from '../support/job-runs-factory';
import { Browser, createTestApp } from '../support/test-app';

/**
 * Old finished job runs are deleted on the embedded SQLite database, by a sweep given the time
 * (the clock moves by the `now` passed in, nothing waits): finished runs past JOB_RUN_RETENTION_DAYS
 * go, in bounded batches, oldest first; unfinished runs and the runs an import or a snapshot shows
 * stay. The same on MariaDB: test/integration/job-run-retention.test.ts.
 */
describe('job run retention on SQLite (e2e)', () => {
  const DAYS = 30;
  const DAY = 86_400_000;
  let app: INestApplication;
  let db: DataSource;
  let sut: JobRunRetention;
  let admin: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite', env: { JOB_RUN_RETENTION_DAYS: String(DAYS) } });
    db = app.get(DataSource);
    sut = app.get(JobRunRetention);
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  it('deletes finished runs older than the retention period and keeps the rest until their day comes', async () => {
    const now = new Date();
    const runs: RunsOfEveryKind = await createRunsOfEveryKind(db, now, DAYS);
    expect((await admin.agent.get(`/indicators/rollups/${runs.dueRollup}`)).status).toBe(200);

    expect(await sut.sweep(now)).toBe(runs.due.length);
    const kept = [runs.recent, ...runs.unfinished, runs.ofImport, runs.ofSnapshot].sort((a, b) => a - b);
    expect(await remainingRuns(db, runs.all)).toEqual(kept);
    // A deleted run's pages answer like any unknown run; an import's run is still there to show.
    expect((await admin.agent.get(`/indicators/rollups/${runs.dueRollup}`)).status).toBe(404);
    expect((await admin.agent.get(`/api/v1/jobs/${runs.due[0]}`)).status).toBe(404);
    expect((await admin.agent.get(`/api/v1/jobs/${runs.ofImport}`)).body).toMatchObject({
      status: 'COMPLETED',
      progress: 100,
    });

    expect(await sut.sweep(now)).toBe(0);
    // Two days later the recent run's period is over too; nothing else changes.
    expect(await sut.sweep(new Date(now.getTime() + 2 * DAY))).toBe(1);
    expect(await remainingRuns(db, runs.all)).toEqual(kept.filter((id) => id !== runs.recent));
  });

  it('deletes in bounded batches, the oldest first', async () => {
    const now = new Date();
    const runs = await createRunsOfEveryKind(db, now, DAYS);

    // Two statements of two runs: four of the five due runs, the newest one left for the next sweep.
    expect(await sut.sweep(now, { batch: 2, batches: 2 })).toBe(4);
    expect(await remainingRuns(db, runs.due)).toEqual(runs.due.slice(-1));
    expect(await sut.sweep(now, { batch: 2, batches: 2 })).toBe(1);
    expect(await remainingRuns(db, runs.due)).toEqual([]);
  });

  it('knows every table that points at a job run', async () => {
    const tables: { name: string }[] = await db.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    const pointing: string[] = [];
    for (const { name } of tables) {
      const columns: { name: string }[] = await db.query(`PRAGMA table_info("${name}")`);
      for (const column of columns) if (/job_?run/.test(column.name)) pointing.push(`${name}.${column.name}`);
    }
    expect(pointing.sort()).toEqual(JOB_RUN_OWNERS.map((o) => `${o.table}.${o.column}`).sort());
  });
});
