import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SnapshotStatus } from '../../src/indicators/entities/snapshot.entity';
import { RollupService } from '../../src/indicators/rollup.service';
import { SnapshotsRepository } from '../../src/indicators/snapshots.repository';
import { InProcessJobQueue } from '../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../src/jobs/job-queue';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import {
  buildRollupFixture,
  D1,
  D2,
  EXPECTED,
  EXPECTED_PARENTS,
  namedTable,
  RollupFixture,
} from '../support/rollup-fixture';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { RollupScheduler } from '../../src/indicators/rollup.scheduler';
import { eventually } from '../support/eventually';
import { Browser, createTestApp } from '../support/test-app';

/**
 * The same roll-up on the embedded SQLite database gives the same figures as on MariaDB
 * (test/integration/rollup.test.ts), and the federation admin runs it from a page with a progress bar.
 */
describe('indicator roll-up on SQLite (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fx: RollupFixture;
  let admin: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    fx = await buildRollupFixture(db, app.get(LearningRecordsService));
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  const idle = () => (app.get(JobQueue) as InProcessJobQueue).whenIdle();

  it.each([
    ['planToDate', D1],
    ['planToDate', D2],
    ['calendarYear', D1],
    ['calendarYear', D2],
  ] as const)('counts the %s figures on %s as on MariaDB', async (plan, asOf) => {
    const outcome = await app.get(RollupService).run(fx.plans[plan], asOf);
    const { figures, parents } = await namedTable(db, fx, outcome.snapshotId!);
    expect(figures).toEqual(EXPECTED[plan][asOf]);
    expect(parents).toEqual(EXPECTED_PARENTS[asOf]);
  });

  it('runs a roll-up asked for on the page, shows its progress, then the province and unit figures', async () => {
    await admin.get('/indicators/rollups/new');
    const res = await admin.submit('/indicators/rollups', { planId: fx.plans.planToDate, asOf: D2 });
    expect(res.status).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/indicators\/rollups\/\d+$/);
    const waiting = await admin.get(location);
    expect(waiting.status).toBe(200);
    await idle();
    const page = await admin.get(location);
    expect(page.text).toContain('Đã tổng hợp xong.');
    expect(page.text).toContain('Tỉnh Thử Nghiệm Mới');
    expect(page.text).toContain('Xã Mới Một');
    // Province: law 5 of 20 workers counted → 25,0%.
    expect(page.text).toContain('25,0%');
    expect(page.text).toContain('Cách đếm số liệu');
    const snapshot = await app.get(SnapshotsRepository).find(fx.plans.planToDate, D2);
    expect(snapshot?.status).toBe(SnapshotStatus.Ready);
  });

  it('refuses a date outside the plan or in the future, in Vietnamese', async () => {
    await admin.get('/indicators/rollups/new');
    const early = await admin.submit('/indicators/rollups', {
      planId: fx.plans.planToDate,
      asOf: '2022-12-31',
    });
    expect(early.status).toBe(400);
    expect(early.text).toContain(
      'Ngày tính phải trong thời gian thực hiện kế hoạch (01/01/2023 – 31/12/2030).',
    );
    const future = await admin.submit('/indicators/rollups', {
      planId: fx.plans.planToDate,
      asOf: '2030-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.text).toContain('Không tính được số liệu cho một ngày trong tương lai.');
  });

  it('lets only the federation admin ask for roll-ups', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    expect((await officer.get('/indicators/rollups/new')).status).toBe(403);
    const api = await officer.agent
      .post('/api/v1/indicators/rollups')
      .set('x-csrf-token', officer.csrf)
      .send({ planId: fx.plans.planToDate, asOf: D1 });
    expect(api.status).toBe(403);
  });

  // Last in the file: it leaves the debounced refresh waiting its minute (app.close() drops it).
  it('runs a roll-up asked for now at once, not joining the refresh that waits its minute', async () => {
    const today = todayInVietnam();
    await app.get(RollupScheduler).refreshSoon();
    const [delayed] = await db.query(
      "SELECT id FROM job_runs WHERE name = 'indicators.rollup' AND status = 'QUEUED' AND run_after IS NOT NULL ORDER BY id DESC LIMIT 1",
    );
    expect(delayed).toBeDefined();
    await admin.get('/indicators/rollups/new');
    const res = await admin.submit('/indicators/rollups', { planId: fx.plans.planToDate, asOf: today });
    expect(res.status).toBe(303);
    const runId = Number(/(\d+)$/.exec(res.headers.location as string)?.[1]);
    expect(runId).not.toBe(Number(delayed.id));
    const run = await eventually(
      'the roll-up asked for now to finish',
      async () => (await db.query('SELECT status FROM job_runs WHERE id = ?', [runId]))[0],
      { until: (r) => r?.status === 'COMPLETED', timeoutMs: 20_000 },
    );
    expect(run.status).toBe('COMPLETED');
    const [stillWaiting] = await db.query('SELECT status FROM job_runs WHERE id = ?', [delayed.id]);
    expect(stillWaiting.status).toBe('QUEUED');
  });
});
