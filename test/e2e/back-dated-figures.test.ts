import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { toDmy } from '../../src/common/time/iso-date';
import { ReportingBodyKind } from '../../src/indicators/entities/reporting-body.entity';
import { SnapshotLevel } from '../../src/indicators/entities/snapshot.entity';
import { RollupScheduler } from '../../src/indicators/rollup.scheduler';
import { RollupService } from '../../src/indicators/rollup.service';
import { SnapshotsRepository } from '../../src/indicators/snapshots.repository';
import { JobExecutor } from '../../src/jobs/job-executor';
import { RecordSource } from '../../src/learning-records/entities/learning-record.entity';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { ensureReportingBody, tableOf } from '../support/indicators-factory';
import { buildRollupFixture, RollupFixture } from '../support/rollup-fixture';
import { Browser, createTestApp } from '../support/test-app';

const YEAR_ENDS = ['2023-12-31', '2024-12-31', '2025-12-31'];

/**
 * Issue 12, closed years: a learning record dated in 2023 that arrives after the 2023–2025
 * year-ends were made final recomputes all three (no hand-run roll-up), and the province report of
 * 2025, submitted before, says its figures have changed and offers a correction; a report whose
 * rows did not move says nothing.
 */
describe('back-dated figures of closed years (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fx: RollupFixture;
  let admin: Browser;
  let plan: number;
  const body = { province: 0, xaMoiHai: 0 };
  const url = (bodyId: number) => `/reports/bodies/${bodyId}/years/2025`;

  /** The province row's life-skills count of each year-end of the plan. */
  const lifeSkillsByYearEnd = async () => {
    const counts: Record<string, number> = {};
    for (const asOf of YEAR_ENDS) {
      const [row] = await db.query(
        `SELECT r.life_skills AS n FROM indicator_snapshot_rows r
           JOIN indicator_snapshots s ON s.id = r.snapshot_id
          WHERE s.plan_id = ? AND s.as_of = ? AND r.level = ?`,
        [plan, asOf, SnapshotLevel.Province],
      );
      counts[asOf] = Number(row.n);
    }
    return counts;
  };

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    fx = await buildRollupFixture(db, app.get(LearningRecordsService));
    plan = fx.plans.planToDate;
    // The year-ends as the scheduler makes them from 1 January: computed after their day, so final.
    for (const asOf of YEAR_ENDS) await app.get(RollupService).run(plan, asOf);
    for (const asOf of YEAR_ENDS) expect(await app.get(RollupService).isFinalYearEnd(plan, asOf)).toBe(true);
    body.province = await ensureReportingBody(db, {
      planId: plan,
      kind: ReportingBodyKind.Federation,
      name: 'Liên đoàn Lao động tỉnh Thử Nghiệm',
      dueMonthDay: '12-15',
      position: 99,
    });
    body.xaMoiHai = await ensureReportingBody(db, {
      planId: plan,
      kind: ReportingBodyKind.Unit,
      name: 'Ủy ban nhân dân Xã Mới Hai',
      unitId: fx.units.n2,
      dueMonthDay: '12-01',
      position: 2,
    });
    admin = new Browser(app);
    await admin.login('liendoan');
    for (const id of [body.province, body.xaMoiHai]) {
      await admin.get(url(id));
      const res = await admin.submit(`${url(id)}/submit`, { activities: 'Tổng hợp kết quả năm 2025.' });
      expect(res.status).toBe(303);
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows no notice on a submitted report while nothing dated before it has arrived', async () => {
    const page = await admin.get(url(body.province));
    expect(page.text).toContain('Phiên bản 1: Đã nộp');
    expect(page.text).not.toContain('data-role="figures-changed"');
    const api = await admin.agent.get(`/api/v1${url(body.province)}`);
    expect(api.body).toMatchObject({ figuresChanged: false, figureChanges: [] });
  });

  it('recomputes the 2023, 2024 and 2025 year-ends from a record dated 2023, though they were final', async () => {
    const before = await lifeSkillsByYearEnd();
    const computed = await app.get(SnapshotsRepository).find(plan, '2025-12-31');
    // The indicators listen to "figures changed" as the running app does (NODE_ENV=test leaves it off).
    app.get(RollupScheduler).subscribe();
    // w2 works at Công ty Một (Xã Một A, now Xã Mới Một) since 2023 and had no life-skills learning.
    const [w2] = await db.query(
      "SELECT worker_id AS id FROM employments WHERE enterprise_id = ? AND start_date = '2023-01-01' AND end_date IS NULL",
      [fx.enterprises.e1],
    );
    const { created } = await app.get(LearningRecordsService).record({
      workerId: Number(w2.id),
      occurredOn: '2023-03-15',
      hours: 3,
      source: RecordSource.External,
      sourceRef: 'late-2023-life-skills',
      title: 'Kỹ năng sống (ghi nhận muộn)',
      domains: [DomainCode.LifeSkills],
    });
    expect(created).toBe(true);

    // Queued, debounced, one forced run per closed year-end: no hand-run roll-up.
    const queued: { id: number; business_key: string; payload: string }[] = await db.query(
      "SELECT id, business_key, payload FROM job_runs WHERE name = 'indicators.rollup' AND status = 'QUEUED' AND business_key LIKE ? ORDER BY business_key",
      [`${plan}:%:backdated`],
    );
    expect(queued.map((r) => r.business_key)).toEqual(YEAR_ENDS.map((d) => `${plan}:${d}:backdated`));
    expect(queued.map((r) => JSON.parse(r.payload).force)).toEqual([true, true, true]);
    // Their minute is up (the in-process queue's timer would run them now; a repeat is a no-op).
    for (const run of queued) await app.get(JobExecutor).execute(Number(run.id), 1);

    const after = await lifeSkillsByYearEnd();
    expect(after).toEqual({
      '2023-12-31': before['2023-12-31'] + 1,
      '2024-12-31': before['2024-12-31'] + 1,
      '2025-12-31': before['2025-12-31'] + 1,
    });
    const recomputed = await app.get(SnapshotsRepository).find(plan, '2025-12-31');
    expect(recomputed!.id).toBe(computed!.id);
    expect(recomputed!.computedAt!.getTime()).toBeGreaterThan(computed!.computedAt!.getTime());
  });

  it('tells on the submitted 2025 province report what changed, and offers the correction there', async () => {
    const page = await admin.get(url(body.province));
    const submittedOn = toDmy(todayInVietnam());
    expect(page.text).toContain('data-role="figures-changed"');
    expect(page.text).toContain(
      `Số liệu năm 2025 đã thay đổi kể từ khi nộp báo cáo ngày ${submittedOn} (nhập dữ liệu lịch sử hoặc ghi nhận muộn). Hãy lập bản điều chỉnh để cập nhật số liệu.`,
    );
    const changes = tableOf(page.text, 'changes');
    expect(changes.headers).toEqual(['Đơn vị', 'Số liệu', 'Khi nộp', 'Hiện nay']);
    const lifeSkills = changes.rows.filter((r) => r[1] === 'Kỹ năng sống: số người đạt');
    // The province and Xã Mới Một, each one more; nothing else moved.
    expect(lifeSkills).toHaveLength(2);
    expect(changes.rows).toHaveLength(2);
    for (const [, , was, now] of lifeSkills) expect(Number(now)).toBe(Number(was) + 1);
    expect(lifeSkills.map((r) => r[0])).toEqual([
      expect.stringMatching(/^Tỉnh Thử Nghiệm/),
      expect.stringMatching(/^Xã Mới Một .* \(Đơn vị hành chính\)$/),
    ]);
    const notice = /data-role="figures-changed">([\s\S]*?)<\/form>/.exec(page.text)?.[1] ?? '';
    expect(notice).toContain(`action="${url(body.province)}/correct"`);
    expect(notice).toContain('Tạo bản điều chỉnh');
    // The frozen figures themselves are as submitted.
    const figures = tableOf(page.text, 'figures');
    expect(figures.rows[0][0]).toMatch(/^Tỉnh Thử Nghiệm/);

    const api = await admin.agent.get(`/api/v1${url(body.province)}`);
    expect(api.status).toBe(200);
    expect(api.body.figuresChanged).toBe(true);
    expect(api.body.canCorrect).toBe(true);
    expect(api.body.figureChanges).toEqual([
      expect.objectContaining({ level: 'PROVINCE', field: 'lifeSkills' }),
      expect.objectContaining({ level: 'UNIT', orgId: fx.units.n1, field: 'lifeSkills' }),
    ]);
    const [province] = api.body.figureChanges as { submitted: number; now: number }[];
    expect(province.now).toBe(province.submitted + 1);
  });

  it('says nothing on a report whose rows did not move (Xã Mới Hai), though its snapshot was recomputed', async () => {
    const page = await admin.get(url(body.xaMoiHai));
    expect(page.text).toContain('Phiên bản 1: Đã nộp');
    expect(page.text).not.toContain('data-role="figures-changed"');
    const api = await admin.agent.get(`/api/v1${url(body.xaMoiHai)}`);
    expect(api.body.figuresChanged).toBe(false);
  });

  it('starts the correction from the notice: the draft has the new figures, and the notice is gone', async () => {
    await admin.get(url(body.province));
    const started = await admin.submit(`${url(body.province)}/correct`, {});
    expect(started.status).toBe(303);
    const draft = await admin.get(url(body.province));
    expect(draft.text).toContain('Phiên bản 2: Bản nháp');
    expect(draft.text).not.toContain('data-role="figures-changed"');
    const api = await admin.agent.get(`/api/v1${url(body.province)}`);
    const province = (api.body.figures as { level: string; lifeSkills: number }[]).find(
      (f) => f.level === 'PROVINCE',
    );
    expect(province?.lifeSkills).toBe((await lifeSkillsByYearEnd())['2025-12-31']);
  });
});

/**
 * Reports are due by 01/12 and 15/12, so most are written from a December snapshot, not 31/12: the
 * notice compares the report with its own snapshot, recomputed, so learning after the report's date
 * moves the year-end but is no change to the report; learning dated before it is.
 */
describe('a report written before its year ended (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fx: RollupFixture;
  let admin: Browser;
  let plan: number;
  let bodyId = 0;
  let w2 = 0;
  const url = () => `/reports/bodies/${bodyId}/years/2025`;

  const provinceCount = async (asOf: string, column: string) => {
    const [row] = await db.query(
      `SELECT r.${column} AS n FROM indicator_snapshot_rows r JOIN indicator_snapshots s ON s.id = r.snapshot_id
        WHERE s.plan_id = ? AND s.as_of = ? AND r.level = ?`,
      [plan, asOf, SnapshotLevel.Province],
    );
    return Number(row.n);
  };
  const learnLate = (occurredOn: string, domain: DomainCode) =>
    app.get(LearningRecordsService).record({
      workerId: w2,
      occurredOn,
      hours: 2,
      source: RecordSource.External,
      sourceRef: `late-${occurredOn}-${domain}`,
      title: 'Ghi nhận muộn',
      domains: [domain],
    });
  /** Runs the back-dated roll-ups queued for these dates, as the queue would after their minute. */
  const runQueued = async (dates: string[]) => {
    const runs: { id: number; business_key: string }[] = await db.query(
      "SELECT id, business_key FROM job_runs WHERE name = 'indicators.rollup' AND status = 'QUEUED' AND business_key LIKE ? ORDER BY business_key",
      [`${plan}:%:backdated`],
    );
    expect(runs.map((r) => r.business_key)).toEqual(dates.map((d) => `${plan}:${d}:backdated`));
    for (const run of runs) await app.get(JobExecutor).execute(Number(run.id), 1);
  };

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    fx = await buildRollupFixture(db, app.get(LearningRecordsService));
    plan = fx.plans.planToDate;
    [{ id: w2 }] = await db.query(
      "SELECT worker_id AS id FROM employments WHERE enterprise_id = ? AND start_date = '2023-01-01' AND end_date IS NULL",
      [fx.enterprises.e1],
    );
    w2 = Number(w2);
    // The nightly snapshot of 10/12/2025, the province report submitted from it, then the year-end.
    await app.get(RollupService).run(plan, '2025-12-10');
    bodyId = await ensureReportingBody(db, {
      planId: plan,
      kind: ReportingBodyKind.Federation,
      name: 'Liên đoàn Lao động tỉnh Thử Nghiệm',
      dueMonthDay: '12-15',
      position: 99,
    });
    admin = new Browser(app);
    await admin.login('liendoan');
    await admin.get(url());
    expect((await admin.submit(`${url()}/submit`, { activities: 'Tổng hợp năm 2025.' })).status).toBe(303);
    await app.get(RollupService).run(plan, '2025-12-31');
    app.get(RollupScheduler).subscribe();
  });

  afterAll(async () => {
    await app.close();
  });

  it('moves the year-end, not the report, for a record dated after the report’s snapshot', async () => {
    const before = await provinceCount('2025-12-31', 'life_skills');
    await learnLate('2025-12-20', DomainCode.LifeSkills);
    await runQueued(['2025-12-31']);
    expect(await provinceCount('2025-12-31', 'life_skills')).toBe(before + 1);
    const page = await admin.get(url());
    expect(page.text).toContain('Số liệu tổng hợp ngày 10/12/2025');
    expect(page.text).not.toContain('data-role="figures-changed"');
  });

  it('recomputes the report’s own snapshot for a record dated before it, and the report says so', async () => {
    const before = await provinceCount('2025-12-10', 'vocational');
    await learnLate('2025-12-01', DomainCode.Vocational);
    // The year-end's run was asked for less than a minute ago: this change joins it (not re-run here).
    await runQueued(['2025-12-10']);
    expect(await provinceCount('2025-12-10', 'vocational')).toBe(before + 1);
    const page = await admin.get(url());
    expect(page.text).toContain('data-role="figures-changed"');
    const changes = tableOf(page.text, 'changes');
    expect(changes.rows.map((r) => [r[1], Number(r[3]) - Number(r[2])])).toEqual([
      ['Kỹ năng nghề: số người đạt', 1],
      ['Kỹ năng nghề: số người đạt', 1],
    ]);
    expect(page.text).toContain('Số liệu ngày 10/12/2025 đã thay đổi: khi nộp và hiện nay');
  });
});
