import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config';
import { SnapshotLevel, SnapshotStatus } from '../../src/indicators/entities/snapshot.entity';
import { IndicatorsService } from '../../src/indicators/indicators.service';
import { ReportingBodyKind } from '../../src/indicators/entities/reporting-body.entity';
import { PlansRepository } from '../../src/indicators/plans.repository';
import { ReportHistory } from '../../src/indicators/report-history';
import { FiguresChanged } from '../../src/common/events/figures-changed';
import { RollupScheduler } from '../../src/indicators/rollup.scheduler';
import { RollupService } from '../../src/indicators/rollup.service';
import { SnapshotsRepository } from '../../src/indicators/snapshots.repository';
import { InProcessJobQueue } from '../../src/jobs/adapters/in-process-job.queue';
import { JobStatus } from '../../src/jobs/entities/job-run.entity';
import { JobQueue } from '../../src/jobs/job-queue';
import { JobRunsService } from '../../src/jobs/job-runs.service';
import { LearningRecordEvents } from '../../src/learning-records/learning-record-events';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { AnnualReport, AnnualReportStatus } from '../../src/reports/entities/annual-report.entity';
import {
  buildRollupFixture,
  D1,
  D2,
  EXPECTED,
  EXPECTED_PARENTS,
  namedTable,
  RollupFixture,
} from '../support/rollup-fixture';
import { ensureReportingBody } from '../support/indicators-factory';
import { createTestApp } from '../support/test-app';
import { federationAdmin } from '../support/workers-factory';
import { todayInVietnam } from '../../src/common/time/vietnam-time';

/**
 * The roll-up on MariaDB against figures worked out by hand from the fixture's story
 * (test/support/rollup-fixture.ts): every enterprise, unit and province row, on a date before and
 * a date after the 2025 reform, for both counting windows; replacement, failure and year-end rules.
 */
describe('indicator roll-up (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fx: RollupFixture;
  let sut: RollupService;
  let snapshots: SnapshotsRepository;
  let indicators: IndicatorsService;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    sut = app.get(RollupService);
    snapshots = app.get(SnapshotsRepository);
    indicators = app.get(IndicatorsService);
    fx = await buildRollupFixture(db, app.get(LearningRecordsService));
  });

  afterAll(async () => {
    await app.close();
  });

  async function table(planId: number, asOf: string) {
    const snapshot = await snapshots.find(planId, asOf);
    expect(snapshot?.status).toBe(SnapshotStatus.Ready);
    return { snapshot: snapshot!, ...(await namedTable(db, fx, snapshot!.id)) };
  }

  it.each([D1, D2] as const)(
    'counts every figure on %s from the plan’s start, by the tree in force that day',
    async (asOf) => {
      await sut.run(fx.plans.planToDate, asOf);
      const { figures, parents } = await table(fx.plans.planToDate, asOf);
      expect(figures).toEqual(EXPECTED.planToDate[asOf]);
      expect(parents).toEqual(EXPECTED_PARENTS[asOf]);
    },
  );

  it.each([D1, D2] as const)('counts only the calendar year of %s when the plan says so', async (asOf) => {
    await sut.run(fx.plans.calendarYear, asOf);
    const { figures, parents } = await table(fx.plans.calendarYear, asOf);
    expect(figures).toEqual(EXPECTED.calendarYear[asOf]);
    expect(parents).toEqual(EXPECTED_PARENTS[asOf]);
  });

  it('gives the rows names and shares with one decimal', async () => {
    const snapshot = await indicators.latestSnapshot(fx.plans.planToDate, D1);
    expect(snapshot?.asOf).toBe(D1);
    expect(snapshot).toMatchObject({ enterprises: 5, population: 9 });
    const [province] = await indicators.rows(snapshot!.id, SnapshotLevel.Province);
    expect(province.name).toMatch(/^Tỉnh Thử Nghiệm Cũ/);
    expect(province.indicators.map((i) => [i.code, i.numerator, i.denominator, i.percent])).toEqual([
      ['LAW', 4, 19, 21.1],
      ['VOCATIONAL', 1, 19, 5.3],
      ['LIFE_SKILLS', 1, 19, 5.3],
      ['DIGITAL', 2, 19, 10.5],
      ['LEARNING_CITIZEN', 2, 19, 10.5],
    ]);
    const units = await indicators.rows(snapshot!.id, SnapshotLevel.Unit, fx.units.pOld);
    expect(units.map((u) => u.orgId).sort()).toEqual([fx.units.d1, fx.units.d2].sort());
    const inD2 = await indicators.rows(snapshot!.id, SnapshotLevel.Enterprise, fx.units.d2);
    expect(inD2.map((e) => [e.orgId, e.indicators[0].percent])).toEqual([
      [fx.enterprises.e4, 20],
      [fx.enterprises.e3, 0],
    ]);
  });

  it('runs as a job with progress; a rerun keeps the snapshot with the same figures, no duplicate rows and none written again', async () => {
    const before = await table(fx.plans.planToDate, D2);
    const run = await indicators.enqueueRollup(fx.plans.planToDate, D2, 1);
    await (app.get(JobQueue) as InProcessJobQueue).whenIdle();
    const done = await app.get(JobRunsService).getForActor(federationAdmin(1), run.id);
    expect(done).toMatchObject({ status: JobStatus.Completed, progress: 100 });
    expect(done.result).toMatchObject({
      snapshotId: before.snapshot.id,
      enterprises: 5,
      population: 9,
      rows: 8,
    });
    const after = await table(fx.plans.planToDate, D2);
    expect(after.figures).toEqual(before.figures);
    expect(after.rows).toHaveLength(before.rows.length);
    expect(after.snapshot.id).toBe(before.snapshot.id);
    expect(after.snapshot.computedAt!.getTime()).toBeGreaterThanOrEqual(
      before.snapshot.computedAt!.getTime(),
    );
    // No figure moved, so no row was deleted and inserted again (SnapshotsRepository.replace).
    expect(after.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
  });

  it('leaves the previous snapshot whole when a run fails half-way through writing', async () => {
    const before = await table(fx.plans.planToDate, D1);
    const insertRows = snapshots.insertRows.bind(snapshots);
    const spy = jest
      .spyOn(snapshots, 'insertRows')
      .mockImplementationOnce(async (manager, snapshotId, rows) => {
        await insertRows(manager, snapshotId, rows.slice(0, 2));
        throw new Error('injected failure');
      });
    await expect(sut.run(fx.plans.planToDate, D1)).rejects.toThrow('injected failure');
    spy.mockRestore();
    const after = await table(fx.plans.planToDate, D1);
    expect(after.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
    expect(after.figures).toEqual(before.figures);
    expect(after.snapshot).toEqual(before.snapshot);
  });

  it('keeps a final 31 December snapshot unless the admin asks again', async () => {
    const first = await sut.run(fx.plans.planToDate, '2024-12-31');
    expect(first.skipped).toBe(false);
    const kept = await snapshots.find(fx.plans.planToDate, '2024-12-31');
    const again = await sut.run(fx.plans.planToDate, '2024-12-31');
    expect(again).toMatchObject({ skipped: true, snapshotId: first.snapshotId });
    expect((await snapshots.find(fx.plans.planToDate, '2024-12-31'))!.computedAt).toEqual(kept!.computedAt);
    const forced = await sut.run(fx.plans.planToDate, '2024-12-31', { force: true });
    expect(forced.skipped).toBe(false);
    // On 31/12/2024: w1, w2, w3 at E1; w4 at E2; w6 (title of 2024) at E3; w8, w10 at E4; w11 (law) at E6;
    // no headcount declared for 2024.
    const { figures } = await table(fx.plans.planToDate, '2024-12-31');
    expect(figures['province pOld']).toEqual([8, 0, 8, 3, 0, 1, 2, 1]);
    const history = await indicators.yearEndHistory(fx.plans.planToDate);
    expect(history.map((h) => [h.year, h.provinces.map((p) => p.orgId)])).toEqual([[2024, [fx.units.pOld]]]);
  });

  it('queues the nightly roll-up once however many schedulers tick at the same moment', async () => {
    const today = todayInVietnam();
    const scheduler = () =>
      new RollupScheduler(
        app.get(PlansRepository),
        snapshots,
        sut,
        app.get(JobQueue),
        app.get(LearningRecordEvents),
        app.get(FiguresChanged),
        { env: 'production' } as AppConfig,
      );
    const plan = (await app.get(PlansRepository).findById(fx.plans.calendarYear))!;
    await Promise.all([scheduler().nightly([plan], today), scheduler().nightly([plan], today)]);
    await (app.get(JobQueue) as InProcessJobQueue).whenIdle();
    const [{ n }] = await db.query(
      "SELECT COUNT(*) AS n FROM job_runs WHERE name = 'indicators.rollup' AND business_key = ?",
      [`${plan.id}:${today}`],
    );
    expect(Number(n)).toBe(1);
    const snapshot = await snapshots.find(plan.id, today);
    expect(snapshot).toMatchObject({ status: SnapshotStatus.Ready, enterprises: 5 });
    // A later tick finds today's snapshot and queues nothing more.
    await scheduler().nightly([plan], today);
    await (app.get(JobQueue) as InProcessJobQueue).whenIdle();
    const [{ n: again }] = await db.query(
      "SELECT COUNT(*) AS n FROM job_runs WHERE name = 'indicators.rollup' AND business_key = ?",
      [`${plan.id}:${today}`],
    );
    expect(Number(again)).toBe(1);
  });

  it('prunes old daily snapshots but keeps one an annual report was written from (the reports domain says which)', async () => {
    const planId = fx.plans.calendarYear;
    const reported = (await snapshots.claim(planId, '2023-03-01'))!;
    const dropped = (await snapshots.claim(planId, '2023-03-02'))!;
    const bodyId = await ensureReportingBody(db, {
      planId,
      kind: ReportingBodyKind.Department,
      name: 'Sở thử nghiệm lưu trữ',
      dueMonthDay: '12-01',
      position: 99,
    });
    await db.getRepository(AnnualReport).insert({
      planId,
      bodyId,
      year: 2023,
      version: 1,
      status: AnnualReportStatus.Submitted,
      snapshotId: reported.id,
    });
    expect(await snapshots.prune(planId, '2023-06-01', [])).toBe(1);
    expect(await snapshots.findById(reported.id)).not.toBeNull();
    expect(await snapshots.findById(dropped.id)).toBeNull();
    const history = app.get(ReportHistory);
    expect(await history.planHasReports(planId)).toBe(true);
    expect(await history.planHasReports(fx.plans.planToDate)).toBe(false);
  });

  it('names the dates since a day that reports were written from (back-dated data recomputes them)', async () => {
    const planId = fx.plans.calendarYear;
    const reported = (await snapshots.claim(planId, '2024-12-10'))!;
    await snapshots.claim(planId, '2024-12-11');
    const bodyId = await ensureReportingBody(db, {
      planId,
      kind: ReportingBodyKind.Department,
      name: 'Sở thử nghiệm số liệu muộn',
      dueMonthDay: '12-01',
      position: 98,
    });
    await db.getRepository(AnnualReport).insert({
      planId,
      bodyId,
      year: 2024,
      version: 1,
      status: AnnualReportStatus.Submitted,
      snapshotId: reported.id,
    });
    expect(await snapshots.reportedDates(planId, '2024-01-01', '2025-01-01')).toEqual(['2024-12-10']);
    expect(await snapshots.reportedDates(planId, '2024-12-11', '2025-01-01')).toEqual([]);
    expect(await snapshots.reportedDates(planId, '2024-01-01', '2024-12-10')).toEqual([]);
  });
});
