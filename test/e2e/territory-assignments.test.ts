import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { TerritoryAssignmentsService } from '../../src/assignments/territory-assignments.service';
import { addDays } from '../../src/common/time/iso-date';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { AdminUnitsService } from '../../src/organisations/admin-units.service';
import { Browser, createTestApp } from '../support/test-app';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';

/**
 * The federation's assignments to a territory on the embedded default (SQLite, demo data): the
 * federation gives a course to the commune Tâm Phát lies in today; Tâm Phát's workers hold it,
 * see it first on /learn and are counted per enterprise (the files carry the page's numbers); the
 * Tâm Phát officer reads it for their own workers and can change nothing; the Đắk Mil officer
 * (outside the territory), the department viewer and a worker neither see nor write it; a worker
 * who moves to an enterprise outside stops being counted, and one who moves in is counted at once.
 */
describe('territory assignments (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let federation: Browser;
  let officer: Browser;
  let outsider: Browser;
  let viewer: Browser;
  let worker: Browser;

  const today = todayInVietnam();
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const employedAt = (enterpriseId: number) =>
    count(
      `SELECT COUNT(DISTINCT worker_id) AS n FROM employments WHERE enterprise_id = ? AND start_date <= ?
         AND (end_date IS NULL OR end_date >= ?)`,
      [enterpriseId, today, today],
    );

  let tamPhatId = 0;
  let dakMilId = 0;
  let unitId = 0;
  let workerId = 0;
  let courseId = 0;
  let id = 0;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    federation = new Browser(app);
    await federation.login('liendoan');
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    outsider = new Browser(app);
    await outsider.login('congdoan.dakmil');
    viewer = new Browser(app);
    await viewer.login('so.gddt');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    const enterprise = async (tax: string) =>
      (await db.query('SELECT id, unit_id AS unitId FROM enterprises WHERE tax_code = ?', [tax]))[0];
    const tamPhat = await enterprise(TAM_PHAT);
    tamPhatId = Number(tamPhat.id);
    dakMilId = Number((await enterprise(DAK_MIL)).id);
    // The commune Tâm Phát lies in today (its registered unit, or what that became).
    const commune = await app.get(AdminUnitsService).resolveInForce(Number(tamPhat.unitId), today);
    unitId = commune!.id;
    const [w] = await db.query(
      "SELECT r.scope_id AS id FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.username = 'nguoilaodong' AND r.role = 'WORKER'",
    );
    workerId = Number(w.id);
    const courses = await db.query(
      `SELECT c.id FROM courses c WHERE c.status = 'PUBLISHED'
         AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = c.id AND e.worker_id = ?) ORDER BY c.id`,
      [workerId],
    );
    courseId = Number(courses[0].id);
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a due date in the past and a unit no longer in force, saving nothing', async () => {
    const form = await federation.get('/territory-assignments/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Địa bàn (đơn vị hành chính)');
    expect(form.text).toContain(`value="${unitId}"`);
    const past = await federation.submit('/territory-assignments', {
      unitId,
      courseId,
      dueOn: addDays(today, -1),
    });
    expect(past.status).toBe(400);
    expect(past.text).toContain('Hạn hoàn thành không được trước hôm nay.');
    const [lapsed] = await db.query(
      'SELECT id FROM admin_units WHERE valid_to IS NOT NULL AND valid_to < ? LIMIT 1',
      [today],
    );
    if (lapsed) {
      const old = await federation.submit('/territory-assignments', {
        unitId: lapsed.id,
        courseId,
        dueOn: addDays(today, 10),
      });
      expect(old.status).toBe(400);
      expect(old.text).toContain('Hãy chọn một đơn vị hành chính đang có hiệu lực.');
    }
    expect(await count('SELECT COUNT(*) AS n FROM territory_assignments')).toBe(0);
  });

  it('only the federation gives one: officers, the department viewer and workers are refused', async () => {
    const fields = { unitId, courseId, dueOn: addDays(today, 10) };
    await officer.get('/assignments');
    expect((await officer.submit('/territory-assignments', fields)).status).toBe(403);
    expect((await officer.get('/territory-assignments/new')).status).toBe(403);
    await viewer.get('/');
    expect((await viewer.submit('/territory-assignments', fields)).status).toBe(403);
    expect((await viewer.get('/territory-assignments')).status).toBe(403);
    expect((await viewer.agent.get('/api/v1/territory-assignments')).status).toBe(403);
    await worker.get('/learn');
    expect((await worker.submit('/territory-assignments', fields)).status).toBe(403);
    expect((await worker.get('/territory-assignments')).status).toBe(403);
    expect(await count('SELECT COUNT(*) AS n FROM territory_assignments')).toBe(0);
  });

  it('gives the course to the territory: everyone employed at Tâm Phát today is enrolled and counted', async () => {
    await federation.get('/territory-assignments/new');
    const res = await federation.submit('/territory-assignments', {
      unitId,
      courseId,
      dueOn: addDays(today, 2),
      remindDaysBefore: '3',
    });
    expect(res.status).toBe(303);
    id = Number(/^\/territory-assignments\/(\d+)$/.exec(res.headers.location)?.[1]);
    expect(id).toBeGreaterThan(0);
    const roster = await employedAt(tamPhatId);
    expect(roster).toBeGreaterThan(1);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM employments m WHERE m.enterprise_id = ? AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?)
           AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.worker_id = m.worker_id AND e.course_id = ?)`,
        [tamPhatId, today, today, courseId],
      ),
    ).toBe(0);
    const page = await federation.get(res.headers.location);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tiến độ theo doanh nghiệp');
    expect(page.text).toContain(`/territory-assignments/${id}/enterprises/${tamPhatId}`);
    expect(page.text).not.toContain(`/territory-assignments/${id}/enterprises/${dakMilId}"`);

    const detail = (await federation.agent.get(`/api/v1/territory-assignments/${id}`).expect(200)).body;
    const row = detail.enterprises.find((e: { enterpriseId: number }) => e.enterpriseId === tamPhatId);
    expect(row.counts.total).toBe(roster);
    expect(detail.enterprises.some((e: { enterpriseId: number }) => e.enterpriseId === dakMilId)).toBe(false);

    // The file carries the page's numbers.
    const csv = await federation.agent.get(`/territory-assignments/${id}?format=csv`).expect(200);
    const records: string[][] = parse(csv.text.replace(/^\uFEFF/, ''), { relaxColumnCount: true });
    const line = records.find((r) => r[1] === TAM_PHAT)!;
    expect(line.slice(2).map(Number)).toEqual([
      row.counts.total,
      row.counts.NOT_STARTED,
      row.counts.IN_PROGRESS,
      row.counts.DONE,
      row.counts.OVERDUE,
    ]);
    const workers = await federation.agent
      .get(`/territory-assignments/${id}/enterprises/${tamPhatId}?format=csv`)
      .expect(200);
    expect(parse(workers.text.replace(/^\uFEFF/, ''), { relaxColumnCount: true }).length - 1).toBe(roster);
    // Giving the same again is refused, nothing duplicated.
    await federation.get('/territory-assignments/new');
    const again = await federation.submit('/territory-assignments', {
      unitId,
      courseId,
      dueOn: addDays(today, 2),
    });
    expect(again.status).toBe(400);
    expect(again.text).toContain('Địa bàn này đã được giao khóa học này với cùng hạn hoàn thành.');
    expect(await count('SELECT COUNT(*) AS n FROM territory_assignments')).toBe(1);
  });

  it('shows the worker the assignment first on their learning page and through the API', async () => {
    const learn = await worker.get('/learn');
    const [{ title }] = await db.query('SELECT title FROM courses WHERE id = ?', [courseId]);
    const assigned = learn.text.indexOf('Được giao');
    expect(assigned).toBeGreaterThan(0);
    expect(learn.text.indexOf(title)).toBeGreaterThan(assigned);
    const mine = (await worker.agent.get('/api/v1/assignments/mine').expect(200)).body;
    expect(mine.map((a: { courseId: number }) => a.courseId)).toContain(courseId);
  });

  it('lets the Tâm Phát officer read it for their own workers only, and change nothing', async () => {
    const list = await officer.get('/assignments');
    expect(list.text).toContain('Liên đoàn giao theo địa bàn');
    expect(list.text).toContain(`/territory-assignments/${id}`);
    const page = await officer.get(`/territory-assignments/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Khóa học do Liên đoàn giao');
    expect(page.text).not.toContain(`/territory-assignments/${id}/delete`);
    const mine = (await officer.agent.get(`/api/v1/territory-assignments/${id}`).expect(200)).body;
    expect(mine.enterprises.map((e: { enterpriseId: number }) => e.enterpriseId)).toEqual([tamPhatId]);
    expect((await officer.get(`/territory-assignments/${id}/enterprises/${tamPhatId}`)).status).toBe(200);
    // Writes: the page's withdraw, the API's delete, the officer's own assignment routes.
    expect((await officer.submit(`/territory-assignments/${id}/delete`, {})).status).toBe(403);
    expect(
      (await officer.agent.delete(`/api/v1/territory-assignments/${id}`).set('x-csrf-token', officer.csrf))
        .status,
    ).toBe(403);
    expect(await count('SELECT COUNT(*) AS n FROM territory_assignments')).toBe(1);
  });

  it('hides it from the Đắk Mil officer, outside the territory, by page and by API', async () => {
    expect((await outsider.get(`/territory-assignments/${id}`)).status).toBe(404);
    expect((await outsider.get(`/territory-assignments/${id}/enterprises/${tamPhatId}`)).status).toBe(404);
    expect((await outsider.get(`/territory-assignments/${id}/enterprises/${dakMilId}`)).status).toBe(404);
    expect((await outsider.get(`/territory-assignments/${id}?format=csv`)).status).toBe(404);
    expect((await outsider.agent.get(`/api/v1/territory-assignments/${id}`)).status).toBe(404);
    const list = (await outsider.agent.get('/api/v1/territory-assignments').expect(200)).body;
    expect(list.total).toBe(0);
    expect((await outsider.get('/assignments')).text).not.toContain(`/territory-assignments/${id}`);
    await outsider.get('/assignments');
    expect((await outsider.submit(`/territory-assignments/${id}/delete`, {})).status).toBe(403);
    // The Tâm Phát officer cannot reach into Đắk Mil through the territory's pages either.
    expect((await officer.get(`/territory-assignments/${id}/enterprises/${dakMilId}`)).status).toBe(404);
  });

  it('stops counting a worker who moves to an enterprise outside, and counts one who moves in', async () => {
    const total = async () =>
      (await federation.agent.get(`/api/v1/territory-assignments/${id}`).expect(200)).body.summary.counts
        .total;
    const before = await total();
    const yesterday = addDays(today, -1);
    // The worker leaves Tâm Phát yesterday and starts at Đắk Mil today.
    await db.query(
      'UPDATE employments SET end_date = ? WHERE worker_id = ? AND enterprise_id = ? AND end_date IS NULL',
      [yesterday, workerId, tamPhatId],
    );
    await db.query(
      `INSERT INTO employments (worker_id, enterprise_id, start_date, union_member, created_at, updated_at)
       VALUES (?, ?, ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      [workerId, dakMilId, today],
    );
    expect(await total()).toBe(before - 1);
    const rows = (
      await federation.agent
        .get(`/api/v1/territory-assignments/${id}/enterprises/${tamPhatId}/workers`)
        .expect(200)
    ).body;
    expect(rows.map((r: { workerId: number }) => r.workerId)).not.toContain(workerId);
    const mine = (await worker.agent.get('/api/v1/assignments/mine').expect(200)).body;
    expect(mine.map((a: { courseId: number }) => a.courseId)).not.toContain(courseId);

    // And back: employed at Tâm Phát again from today, they hold it again.
    await db.query(
      `INSERT INTO employments (worker_id, enterprise_id, start_date, union_member, created_at, updated_at)
       VALUES (?, ?, ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      [workerId, tamPhatId, today],
    );
    expect(await total()).toBe(before);
    const back = (await worker.agent.get('/api/v1/assignments/mine').expect(200)).body;
    expect(back.map((a: { courseId: number }) => a.courseId)).toContain(courseId);
  });

  it('reminds each worker not done once before the due date, however often it runs', async () => {
    const reminders = () =>
      count(
        "SELECT COUNT(*) AS n FROM notices WHERE message_key = 'assignments.notice.reminder' AND dedupe_key = ?",
        [`territory-assignment-reminder:${id}`],
      );
    const service = app.get(TerritoryAssignmentsService);
    const first = await service.remind();
    expect(first.reminded).toBeGreaterThan(0);
    const sent = await reminders();
    expect(sent).toBeGreaterThan(0);
    await service.remind();
    expect(await reminders()).toBe(sent);
  });

  it('is withdrawn by the federation; the workers no longer see it as assigned', async () => {
    await federation.get(`/territory-assignments/${id}`);
    const res = await federation.submit(`/territory-assignments/${id}/delete`, {});
    expect(res.status).toBe(303);
    expect(await count('SELECT COUNT(*) AS n FROM territory_assignments')).toBe(0);
    expect((await federation.get(`/territory-assignments/${id}`)).status).toBe(404);
    const mine = (await worker.agent.get('/api/v1/assignments/mine').expect(200)).body;
    expect(mine.map((a: { courseId: number }) => a.courseId)).not.toContain(courseId);
  });
});
