import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TerritoryAssignmentsService } from '../../src/assignments/territory-assignments.service';
import { addDays } from '../../src/common/time/iso-date';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import { ensureLearningDomains } from '../support/learning-domains';
import { createCourse, createInstitution, createWorker } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { createEnterprise, federationAdmin, officerOf } from '../support/workers-factory';
import { EnterpriseScopeService } from '../../src/organisations/enterprise-scope';
import { Workforce } from '../../src/workers/workforce';

/**
 * The federation's assignments to a territory on MariaDB: a province with two communes and an
 * enterprise in each, and one enterprise outside. Giving the same course to a commune twice at once
 * stores it once; counts follow the enterprises of the subtree and today's employments (a worker who
 * moves out stops being counted); reminders run twice at once leave one notice per worker.
 */
describe('territory assignments (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let sut: TerritoryAssignmentsService;
  const federation = federationAdmin(9401);
  const today = todayInVietnam();
  let provinceId = 0;
  let communeA = 0;
  let enterpriseA = 0;
  let enterpriseB = 0;
  let outside = 0;
  let courseId = 0;
  const workers: number[] = [];
  const given: number[] = [];
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);

  /** Puts the enterprise's own commune (made by createEnterprise) under the province. */
  async function underProvince(enterpriseId: number): Promise<number> {
    const [{ unitId }] = await db.query('SELECT unit_id AS unitId FROM enterprises WHERE id = ?', [
      enterpriseId,
    ]);
    await db.query('UPDATE admin_units SET parent_id = ?, path = ?, depth = 1 WHERE id = ?', [
      provinceId,
      `/${provinceId}/${unitId}/`,
      unitId,
    ]);
    return Number(unitId);
  }

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    sut = app.get(TerritoryAssignmentsService);
    await ensureLearningDomains(db);
    const code = `P${Date.now() % 1e8}`;
    await db.query(
      "INSERT INTO admin_units (code, name, search_key, kind, parent_id, path, depth) VALUES (?, ?, ?, 'PROVINCE', NULL, '/', 0)",
      [code, `Tỉnh thử nghiệm ${code}`, foldVietnamese(`Tỉnh thử nghiệm ${code}`)],
    );
    provinceId = Number((await db.query('SELECT id FROM admin_units WHERE code = ?', [code]))[0].id);
    await db.query('UPDATE admin_units SET path = ? WHERE id = ?', [`/${provinceId}/`, provinceId]);
    enterpriseA = await createEnterprise(db, 'Công ty TNHH Địa Bàn A');
    enterpriseB = await createEnterprise(db, 'Công ty TNHH Địa Bàn B');
    outside = await createEnterprise(db, 'Công ty TNHH Ngoài Địa Bàn');
    communeA = await underProvince(enterpriseA);
    await underProvince(enterpriseB);
    const institutionId = await createInstitution(db);
    courseId = (
      await createCourse(db, { title: 'Pháp luật lao động', institutionId, domains: ['LAW'], lessons: [{}] })
    ).course.id;
    // Three at A, two at B, one outside; each has a login, for the notices.
    const employers = [enterpriseA, enterpriseA, enterpriseA, enterpriseB, enterpriseB, outside];
    for (const [i, enterpriseId] of employers.entries()) {
      const id = await createWorker(db, `Người Địa Bàn ${i}`);
      await db.query(
        'INSERT INTO employments (worker_id, enterprise_id, start_date, employee_code) VALUES (?, ?, ?, ?)',
        [id, enterpriseId, '2024-01-01', `DB${i}`],
      );
      await db.query("INSERT INTO users (username, display_name, status) VALUES (?, ?, 'ACTIVE')", [
        `db-${id}`,
        `Người Địa Bàn ${i}`,
      ]);
      const [{ id: userId }] = await db.query('SELECT id FROM users WHERE username = ?', [`db-${id}`]);
      await db.query('UPDATE workers SET user_id = ? WHERE id = ?', [userId, id]);
      workers.push(id);
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('reads a territory’s employments in keyset batches that add up to the whole', async () => {
    const scope = {
      all: false,
      enterpriseIds: [],
      unitPaths: await app.get(EnterpriseScopeService).subtreePaths([provinceId]),
    };
    const workforce = app.get(Workforce);
    const whole = await workforce.employedInScope(scope, today, undefined, 100);
    expect(whole).toHaveLength(5);
    const paged: { workerId: number; enterpriseId: number }[] = [];
    for (let after = { enterpriseId: 0, workerId: 0 }; ;) {
      const batch = await workforce.employedInScope(scope, today, after, 2);
      paged.push(...batch);
      if (batch.length < 2) break;
      after = batch[batch.length - 1];
    }
    expect(paged).toEqual(whole);
    expect(new Set(whole.map((p) => p.enterpriseId))).toEqual(new Set([enterpriseA, enterpriseB]));
  });

  it('stores a commune’s assignment once when two requests give it together, and counts that commune only', async () => {
    const dto = { unitId: communeA, courseId, dueOn: addDays(today, 2) };
    const results = await Promise.allSettled([sut.create(federation, dto), sut.create(federation, dto)]);
    const done = results.filter((r) => r.status === 'fulfilled');
    expect(done).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      fieldErrors: { courseId: expect.objectContaining({ key: 'assignments.error.territoryDuplicate' }) },
    });
    expect(await count('SELECT COUNT(*) AS n FROM territory_assignments WHERE unit_id = ?', [communeA])).toBe(
      1,
    );
    const id = (done[0] as PromiseFulfilledResult<{ assignment: { id: number } }>).value.assignment.id;
    given.push(id);
    const detail = await sut.detail(federation, id);
    expect(detail.summary.dueOn).toBe(addDays(today, 2));
    expect(detail.summary.counts).toMatchObject({ total: 3, NOT_STARTED: 3 });
    expect(detail.enterprises.map((e) => e.enterpriseId)).toEqual([enterpriseA]);
    expect(await count('SELECT COUNT(*) AS n FROM enrolments WHERE course_id = ?', [courseId])).toBe(3);
    // The officer of the enterprise outside the commune does not see it.
    await expect(sut.detail(officerOf(9402, enterpriseB), id)).rejects.toThrow();
  });

  it('counts the province per enterprise, and stops counting a worker who moves outside', async () => {
    const { assignment } = await sut.create(federation, {
      unitId: provinceId,
      courseId,
      dueOn: addDays(today, 1),
    });
    given.push(assignment.id);
    const before = await sut.detail(federation, assignment.id);
    expect(before.enterprises.map((e) => [e.enterpriseId, e.counts.total])).toEqual([
      [enterpriseA, 3],
      [enterpriseB, 2],
    ]);
    // The officer of B sees B's line only.
    const asOfficer = await sut.detail(officerOf(9403, enterpriseB), assignment.id);
    expect(asOfficer.enterprises.map((e) => e.enterpriseId)).toEqual([enterpriseB]);
    expect(asOfficer.summary.counts.total).toBe(2);

    await db.query('UPDATE employments SET end_date = ? WHERE worker_id = ? AND enterprise_id = ?', [
      addDays(today, -1),
      workers[4],
      enterpriseB,
    ]);
    await db.query('INSERT INTO employments (worker_id, enterprise_id, start_date) VALUES (?, ?, ?)', [
      workers[4],
      outside,
      today,
    ]);
    const after = await sut.detail(federation, assignment.id);
    expect(after.summary.counts.total).toBe(4);
    expect(await sut.openOf(workers[4], today)).toEqual([]);
    expect((await sut.openOf(workers[0], today)).map((a) => a.dueOn)).toEqual([
      addDays(today, 1),
      addDays(today, 2),
    ]);
  });

  it('reminds each worker holding one once per assignment when two runs race', async () => {
    const reminders = () =>
      count(
        "SELECT COUNT(*) AS n FROM notices WHERE message_key = 'assignments.notice.reminder' AND dedupe_key IN (?, ?)",
        given.map((id) => `territory-assignment-reminder:${id}`),
      );
    await Promise.all([sut.remind(), sut.remind()]);
    // Commune A's: its three workers; the province's: A's three and B's one still there.
    expect(await reminders()).toBe(7);
    await sut.remind();
    expect(await reminders()).toBe(7);
  });
});
