import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportSections } from '../../src/common/report-sections/report-sections';
import { CommendationsService } from '../../src/engagement/commendations/commendations.service';
import { Decision } from '../../src/engagement/commendations/dto/commendation.dto';
import { CommendationKind } from '../../src/engagement/commendations/entities/commendation.entity';
import { GoodModelsService } from '../../src/engagement/commendations/good-models.service';
import { SupportService } from '../../src/engagement/support/support.service';
import { createWorker } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { createEnterprise, federationAdmin, officerOf } from '../support/workers-factory';

/**
 * Commendations and support on MariaDB: the statements the pages and the report's sections run
 * (scoped lists, sums per commune with BIGINT amounts, the year's window in Vietnam time), and the
 * two report-section providers against real rows, per province and per commune.
 */
describe('commendations and support (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let commendations: CommendationsService;
  let models: GoodModelsService;
  let support: SupportService;
  let sections: ReportSections;
  let first: number;
  let second: number;
  let firstUnit: number;
  let userId: number;
  const workers: number[] = [];
  // A year no other test writes, so the province-wide figures are this test's own.
  const YEAR = 2031;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    commendations = app.get(CommendationsService);
    models = app.get(GoodModelsService);
    support = app.get(SupportService);
    sections = app.get(ReportSections);
    first = await createEnterprise(db, 'Công ty TNHH Khen Thưởng');
    second = await createEnterprise(db, 'Công ty CP Hỗ Trợ');
    firstUnit = Number((await db.query('SELECT unit_id AS u FROM enterprises WHERE id = ?', [first]))[0].u);
    for (const [i, enterprise] of [first, first, second].entries()) {
      const id = await createWorker(db, `Người Được Khen ${i}`);
      await db.query(
        'INSERT INTO employments (worker_id, enterprise_id, start_date, employee_code) VALUES (?, ?, ?, ?)',
        [id, enterprise, '2024-01-01', `KT${i}`],
      );
      workers.push(id);
    }
    await db.query("INSERT INTO users (username, display_name, status) VALUES (?, 'Cán bộ', 'ACTIVE')", [
      `kt-${first}`,
    ]);
    userId = Number((await db.query('SELECT id FROM users WHERE username = ?', [`kt-${first}`]))[0].id);
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists nominations in scope only, and puts approved ones on the roll and in the section, per commune', async () => {
    const officer = officerOf(userId, first);
    const worker = await commendations.nominate(officer, {
      year: YEAR,
      kind: CommendationKind.Worker,
      workerId: workers[0],
      achievement: 'Học tập tiêu biểu',
    });
    const child = await commendations.nominate(officer, {
      year: YEAR,
      kind: CommendationKind.Child,
      workerId: workers[1],
      childName: 'Lê Bảo Ngọc',
      childSchool: 'Trường Tiểu học Kim Đồng',
      achievement: 'Học sinh giỏi',
    });
    const elsewhere = await commendations.nominate(officerOf(userId, second), {
      year: YEAR,
      kind: CommendationKind.Worker,
      workerId: workers[2],
      achievement: 'Thợ giỏi',
    });
    expect((await commendations.list(officer, { year: YEAR })).map((n) => n.id).sort()).toEqual(
      [worker.id, child.id].sort(),
    );
    await expect(commendations.get(officer, elsewhere.id)).rejects.toThrow();

    const federation = federationAdmin(userId);
    await commendations.decide(federation, worker.id, { decision: Decision.Approve });
    await commendations.decide(federation, child.id, { decision: Decision.Approve });
    await commendations.decide(federation, elsewhere.id, {
      decision: Decision.Decline,
      reason: 'Thiếu minh chứng',
    });

    const roll = await commendations.honourRoll(YEAR, null);
    expect(roll.map((r) => r.honoureeName).sort()).toEqual(['Lê Bảo Ngọc', 'Người Được Khen 0']);
    expect(await commendations.honourRoll(YEAR, firstUnit)).toHaveLength(2);

    const [section] = (await sections.collect({ year: YEAR, unitId: null })).filter(
      (s) => s.key === 'commendations',
    );
    expect(section.tables[0].rows).toEqual([
      [expect.stringContaining('Xã thử nghiệm'), 1, 1],
      ['Tổng cộng', 1, 1],
    ]);
  });

  it('counts a model in the year it was published in Vietnam time', async () => {
    const model = await models.create(federationAdmin(userId), {
      title: 'Góc đọc sách giờ nghỉ trưa',
      body: 'Đoạn một.\n\nĐoạn hai.',
      enterpriseId: second,
    });
    await models.publish(federationAdmin(userId), model.id);
    // 31/12 at 18:00 UTC is already 1 January in Vietnam.
    await db.query('UPDATE good_models SET published_at = ? WHERE id = ?', [
      new Date(Date.UTC(YEAR, 11, 31, 18)),
      model.id,
    ]);
    expect((await models.publishedIn(YEAR + 1, null)).map((m) => m.title)).toContain(
      'Góc đọc sách giờ nghỉ trưa',
    );
    expect((await models.publishedIn(YEAR, null)).map((m) => m.title)).not.toContain(
      'Góc đọc sách giờ nghỉ trưa',
    );
    expect(await models.publishedIn(YEAR + 1, firstUnit)).toEqual([]);
  });

  it('sums support per commune with amounts past 2^31, replaces a declaration, and reports it', async () => {
    const base = { year: YEAR, paidStudyHours: 100, materialsSupplied: 10 };
    await support.declare(officerOf(userId, first), { ...base, fundsCommitted: 1, fundsSpent: 1 });
    await support.declare(officerOf(userId, first), {
      ...base,
      fundsCommitted: 5_000_000_000,
      fundsSpent: 3_000_000_000,
      agreementHasLearning: true,
      agreementClause: 'Điều 9',
    });
    await support.declare(officerOf(userId, second), {
      ...base,
      fundsCommitted: 2_500_000_000,
      fundsSpent: 0,
    });
    const { total, communes } = await support.totals(federationAdmin(userId), YEAR);
    expect(total).toEqual({
      enterprises: 2,
      fundsCommitted: 7_500_000_000,
      fundsSpent: 3_000_000_000,
      paidStudyHours: 200,
      withAgreement: 1,
      materialsSupplied: 20,
    });
    expect(communes).toHaveLength(2);
    const own = await support.totals(officerOf(userId, second), YEAR);
    expect(own.total.fundsCommitted).toBe(2_500_000_000);
    const [section] = (await sections.collect({ year: YEAR, unitId: firstUnit })).filter(
      (s) => s.key === 'support',
    );
    expect(section.tables[0].rows).toEqual([
      [expect.stringContaining('Xã thử nghiệm'), 1, 5_000_000_000, 3_000_000_000, 100, 1, 10],
      ['Tổng cộng', 1, 5_000_000_000, 3_000_000_000, 100, 1, 10],
    ]);
  });
});
