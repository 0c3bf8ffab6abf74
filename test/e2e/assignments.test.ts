import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AssignmentRemindersScheduler } from '../../src/assignments/assignment-reminders.scheduler';
import { AssignmentsService } from '../../src/assignments/assignments.service';
import { addDays } from '../../src/common/time/iso-date';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { InProcessJobQueue } from '../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../src/jobs/job-queue';
import { Browser, createTestApp } from '../support/test-app';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';

/**
 * Assignments on the embedded default (SQLite, in-process jobs, demo data): the Tâm Phát officer
 * gives a course to the whole roster, the worker sees it first on /learn, progress counts move as
 * they learn, the files carry the page's numbers, reminders go out once; and the Đắk Mil officer
 * can neither see nor touch any of it, by page or by API.
 */
describe('assignments (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let officer: Browser;
  let other: Browser;
  let worker: Browser;

  const today = todayInVietnam();
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  let tamPhatId = 0;
  let dakMilId = 0;
  let workerId = 0;
  let workerUserId = 0;
  let courseId = 0;
  let secondCourseId = 0;
  let assignmentId = 0;
  /** The counts right after giving the course: demo workers may have learnt in it before. */
  let base: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    other = new Browser(app);
    await other.login('congdoan.dakmil');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    const ids = async (tax: string) =>
      Number((await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [tax]))[0].id);
    tamPhatId = await ids(TAM_PHAT);
    dakMilId = await ids(DAK_MIL);
    const [w] = await db.query(
      "SELECT r.scope_id AS id, u.id AS userId FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.username = 'nguoilaodong' AND r.role = 'WORKER'",
    );
    workerId = Number(w.id);
    workerUserId = Number(w.userId);
    // Published courses the demo worker is not enrolled in (other demo workers may be).
    const courses = await db.query(
      `SELECT c.id FROM courses c WHERE c.status = 'PUBLISHED'
         AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = c.id AND e.worker_id = ?) ORDER BY c.id`,
      [workerId],
    );
    expect(courses.length).toBeGreaterThanOrEqual(2);
    courseId = Number(courses[0].id);
    secondCourseId = Number(courses[1].id);
  });

  afterAll(async () => {
    await app.close();
  });

  const employedAt = (enterpriseId: number) =>
    count(
      `SELECT COUNT(DISTINCT worker_id) AS n FROM employments WHERE enterprise_id = ? AND start_date <= ?
         AND (end_date IS NULL OR end_date >= ?)`,
      [enterpriseId, today, today],
    );

  it('offers the officer published courses and refuses a due date in the past, saving nothing', async () => {
    const form = await officer.get('/assignments/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Giao khóa học cho người lao động');
    expect(form.text).toContain('Hạn hoàn thành');
    expect(form.text).toContain(`value="${courseId}"`);
    expect(form.text).not.toContain('name="enterpriseId"');

    const past = await officer.submit('/assignments', {
      courseId,
      dueOn: addDays(today, -1),
      wholeRoster: 'true',
    });
    expect(past.status).toBe(400);
    expect(past.text).toContain('Hạn hoàn thành không được trước hôm nay.');
    const draft = await db.query("SELECT id FROM courses WHERE status <> 'PUBLISHED' LIMIT 1");
    const unpublished = await officer.submit('/assignments', {
      courseId: draft[0]?.id ?? 999999,
      dueOn: addDays(today, 10),
      wholeRoster: 'true',
    });
    expect(unpublished.status).toBe(400);
    expect(unpublished.text).toContain('Không tìm thấy khóa học đã xuất bản này.');
    expect(await count('SELECT COUNT(*) AS n FROM assignments')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM assignment_workers')).toBe(0);
  });

  it('gives a course to the whole roster once: every worker employed today, enrolled, notified', async () => {
    const res = await officer.submit('/assignments', {
      courseId,
      dueOn: addDays(today, 10),
      remindDaysBefore: '3',
      wholeRoster: 'true',
    });
    expect(res.status).toBe(303);
    assignmentId = Number(/^\/assignments\/(\d+)$/.exec(res.headers.location)?.[1]);
    expect(assignmentId).toBeGreaterThan(0);
    const roster = await employedAt(tamPhatId);
    expect(roster).toBeGreaterThan(1);
    expect(
      await count('SELECT COUNT(*) AS n FROM assignment_workers WHERE assignment_id = ?', [assignmentId]),
    ).toBe(roster);
    // Nobody from another enterprise only.
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM assignment_workers h WHERE h.assignment_id = ? AND NOT EXISTS (
           SELECT 1 FROM employments e WHERE e.worker_id = h.worker_id AND e.enterprise_id = ?)`,
        [assignmentId, tamPhatId],
      ),
    ).toBe(0);
    // Every holder is enrolled, once.
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM assignment_workers h WHERE h.assignment_id = ? AND NOT EXISTS (
           SELECT 1 FROM enrolments e WHERE e.worker_id = h.worker_id AND e.course_id = h.course_id)`,
        [assignmentId],
      ),
    ).toBe(0);
    const enrolled = await count('SELECT COUNT(*) AS n FROM enrolments WHERE course_id = ?', [courseId]);
    const page = await officer.get(res.headers.location);
    expect(page.text).toContain(`Đã giao khóa học cho ${roster} người; 0 người đã được giao trước đó.`);
    base = (await officer.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200)).body.counts;
    expect(base.total).toBe(roster);
    expect(base.NOT_STARTED + base.IN_PROGRESS + base.DONE).toBe(roster);
    expect(base.DONE).toBe(
      await count(
        `SELECT COUNT(*) AS n FROM enrolments e JOIN assignment_workers h ON h.worker_id = e.worker_id AND h.course_id = e.course_id
         WHERE h.assignment_id = ? AND e.completed_at IS NOT NULL`,
        [assignmentId],
      ),
    );
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE user_id = ? AND message_key = 'assignments.notice.assigned'",
        [workerUserId],
      ),
    ).toBe(1);

    // Again, from the page's button and by the form with the same due date: nothing is duplicated.
    await officer.get(`/assignments/${assignmentId}`);
    const again = await officer.submit(`/assignments/${assignmentId}/roster`, {});
    expect(again.status).toBe(303);
    const resubmit = await officer.submit('/assignments', {
      courseId,
      dueOn: addDays(today, 10),
      wholeRoster: 'true',
    });
    expect(resubmit.headers.location).toBe(`/assignments/${assignmentId}`);
    const after = await officer.get(`/assignments/${assignmentId}`);
    expect(after.text).toContain(`Đã giao thêm cho 0 người; ${roster} người đã được giao trước đó.`);
    expect(await count('SELECT COUNT(*) AS n FROM assignments')).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM assignment_workers')).toBe(roster);
    expect(await count('SELECT COUNT(*) AS n FROM enrolments WHERE course_id = ?', [courseId])).toBe(
      enrolled,
    );
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE user_id = ? AND message_key = 'assignments.notice.assigned'",
        [workerUserId],
      ),
    ).toBe(1);
  });

  it('shows the worker the assignment first on their learning page, and through the API', async () => {
    const learn = await worker.get('/learn');
    expect(learn.status).toBe(200);
    const assigned = learn.text.indexOf('Được giao');
    expect(assigned).toBeGreaterThan(0);
    expect(assigned).toBeLessThan(learn.text.indexOf('Học tiếp'));
    const [{ title }] = await db.query('SELECT title FROM courses WHERE id = ?', [courseId]);
    expect(learn.text).toContain(title);
    const due = addDays(today, 10).split('-').reverse().join('/');
    expect(learn.text).toContain(`Hạn hoàn thành: ${due}`);
    const mine = await worker.agent.get('/api/v1/assignments/mine').expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({ courseId, dueOn: addDays(today, 10), overdue: false, percent: 0 }),
    ]);
    // Workers have no officer pages.
    await worker.agent.get('/assignments').expect(403);
    await worker.agent.get(`/api/v1/assignments/${assignmentId}`).expect(403);
  });

  it('counts each worker as not started, in progress or done, and the files hold the page’s numbers', async () => {
    const [lesson] = await db.query(
      "SELECT id FROM lessons WHERE course_id = ? AND status = 'ACTIVE' ORDER BY position LIMIT 1",
      [courseId],
    );
    await worker.get(`/learn/courses/${courseId}/lessons/${lesson.id}`);
    const opened = await worker.submit(`/learn/courses/${courseId}/lessons/${lesson.id}/next`, {});
    expect(opened.status).toBe(303);
    // One other worker, who had not started, finished (as the completion rules would have written it).
    const [done] = await db.query(
      `SELECT h.worker_id AS id FROM assignment_workers h JOIN enrolments e ON e.worker_id = h.worker_id AND e.course_id = h.course_id
       WHERE h.assignment_id = ? AND h.worker_id <> ? AND e.last_activity_at IS NULL ORDER BY h.worker_id LIMIT 1`,
      [assignmentId, workerId],
    );
    await db.query(
      'UPDATE enrolments SET progress_percent = 100, completed_at = ? WHERE worker_id = ? AND course_id = ?',
      [new Date().toISOString().replace('T', ' ').slice(0, 23), done.id, courseId],
    );

    const roster = await employedAt(tamPhatId);
    const api = await officer.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200);
    const counts = {
      total: roster,
      NOT_STARTED: base.NOT_STARTED - 2,
      IN_PROGRESS: base.IN_PROGRESS + 1,
      DONE: base.DONE + 1,
      OVERDUE: 0,
    };
    expect(api.body.counts).toEqual(counts);
    const rows = await officer.agent.get(`/api/v1/assignments/${assignmentId}/workers`).expect(200);
    expect(rows.body.find((r: { workerId: number }) => r.workerId === workerId).status).toBe('IN_PROGRESS');
    expect(rows.body.find((r: { workerId: number }) => r.workerId === Number(done.id))).toMatchObject({
      status: 'DONE',
      percent: 100,
    });

    const page = await officer.get(`/assignments/${assignmentId}?status=DONE`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Hoàn thành');
    expect(page.text).toContain(`Tổng số: ${counts.DONE}`);

    const csv = await officer.agent.get(`/assignments/${assignmentId}?format=csv`).expect(200);
    const csvRows = parse(csv.text.replace(/^\uFEFF/, '')) as string[][];
    expect(csvRows[0]).toEqual(['Họ và tên', 'Mã nhân viên', 'Trạng thái', 'Tiến độ (%)', 'Ngày hoàn thành']);
    const statusCount = (list: string[][], label: string) => list.filter((r) => r[2] === label).length;
    expect(csvRows.length - 1).toBe(roster);
    expect(statusCount(csvRows, 'Chưa bắt đầu')).toBe(counts.NOT_STARTED);
    expect(statusCount(csvRows, 'Đang học')).toBe(counts.IN_PROGRESS);
    expect(statusCount(csvRows, 'Hoàn thành')).toBe(counts.DONE);

    const xlsx = await officer.agent
      .get(`/assignments/${assignmentId}?format=xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const sheetRows: string[][] = [];
    book.worksheets[0].eachRow((row, i) => {
      if (i > 1) sheetRows.push([1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? '')));
    });
    expect(sheetRows).toEqual(csvRows.slice(1));

    const list = await officer.get('/assignments');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/assignments/${assignmentId}"`);
  });

  it('keeps the Đắk Mil officer out of Tâm Phát’s assignment, by page and by API', async () => {
    await other.get('/assignments');
    for (const path of [
      `/assignments/${assignmentId}`,
      `/assignments/${assignmentId}?format=csv`,
      `/assignments/${assignmentId}/pick`,
      `/api/v1/assignments/${assignmentId}`,
      `/api/v1/assignments/${assignmentId}/workers`,
    ])
      expect({ path, status: (await other.agent.get(path)).status }).toEqual({ path, status: 404 });
    const list = await other.agent.get('/api/v1/assignments').expect(200);
    expect(list.body.total).toBe(0);
    const page = await other.get('/assignments');
    expect(page.text).not.toContain(`/assignments/${assignmentId}"`);

    const before = await count('SELECT COUNT(*) AS n FROM assignment_workers');
    // Adding to Tâm Phát's assignment, by the page and by the API.
    const [stranger] = await db.query(
      `SELECT worker_id AS id FROM employments WHERE enterprise_id = ? AND end_date IS NULL AND worker_id NOT IN (
         SELECT worker_id FROM employments WHERE enterprise_id = ?) LIMIT 1`,
      [dakMilId, tamPhatId],
    );
    expect((await other.submit(`/assignments/${assignmentId}/roster`, {})).status).toBe(404);
    expect(
      (await other.submit(`/assignments/${assignmentId}/workers`, { workerIds: stranger.id })).status,
    ).toBe(404);
    const csrf = other.csrf;
    await other.agent
      .post(`/api/v1/assignments/${assignmentId}/workers`)
      .set('x-csrf-token', csrf)
      .send({ wholeRoster: true })
      .expect(404);
    // A new assignment naming Tâm Phát's workers, or Tâm Phát itself.
    const tamPhatWorkers = (
      await db.query('SELECT worker_id AS id FROM assignment_workers WHERE assignment_id = ? LIMIT 2', [
        assignmentId,
      ])
    ).map((r: { id: number }) => Number(r.id));
    const named = await other.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', csrf)
      .send({ courseId: secondCourseId, dueOn: addDays(today, 5), workerIds: tamPhatWorkers })
      .expect(400);
    expect(named.body.errors.workerIds).toContain('Không có trong danh sách người lao động');
    await other.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', csrf)
      .send({
        courseId: secondCourseId,
        dueOn: addDays(today, 5),
        enterpriseId: tamPhatId,
        wholeRoster: true,
      })
      .expect(400);
    const form = await other.submit('/assignments', {
      courseId: secondCourseId,
      dueOn: addDays(today, 5),
      enterpriseId: tamPhatId,
      wholeRoster: 'true',
    });
    expect(form.status).toBe(400);
    expect(form.text).toContain('Bạn không quản lý doanh nghiệp này.');
    expect(await count('SELECT COUNT(*) AS n FROM assignments')).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM assignment_workers')).toBe(before);
    // The federation admin reads it but gives nothing.
    const federation = new Browser(app);
    await federation.login('liendoan');
    expect((await federation.get(`/assignments/${assignmentId}`)).status).toBe(200);
    expect((await federation.submit(`/assignments/${assignmentId}/roster`, {})).status).toBe(403);
  });

  it('lets the officer pick workers one by one, through the page and the API', async () => {
    const made = await officer.submit('/assignments', { courseId: secondCourseId, dueOn: addDays(today, 2) });
    expect(made.status).toBe(303);
    const pickId = Number(/^\/assignments\/(\d+)\/pick$/.exec(made.headers.location)?.[1]);
    const pick = await officer.get(made.headers.location);
    expect(pick.status).toBe(200);
    expect(pick.text).toContain('Chọn người lao động được giao');
    const ticked = await officer.submit(`/assignments/${pickId}/workers`, { workerIds: workerId });
    expect(ticked.status).toBe(303);
    const [another] = await db.query(
      `SELECT worker_id AS id FROM employments WHERE enterprise_id = ? AND end_date IS NULL AND worker_id <> ? ORDER BY worker_id LIMIT 1`,
      [tamPhatId, workerId],
    );
    const byApi = await officer.agent
      .post(`/api/v1/assignments/${pickId}/workers`)
      .set('x-csrf-token', officer.csrf)
      .send({ workerIds: [Number(another.id), workerId] })
      .expect(200);
    expect(byApi.body).toMatchObject({ id: pickId, added: 1, already: 1 });
    expect(
      await count('SELECT COUNT(*) AS n FROM assignment_workers WHERE assignment_id = ?', [pickId]),
    ).toBe(2);
  });

  it('reminds each worker not done once, N days before the due date, however often it runs', async () => {
    const service = app.get(AssignmentsService);
    const reminders = () =>
      count("SELECT COUNT(*) AS n FROM notices WHERE message_key = 'assignments.notice.reminder'");
    // The second assignment is due in 2 days with 3 days' notice: its two workers are reminded
    // (the demo worker has a login); the first, due in 10 days, not yet.
    const scheduler = app.get(AssignmentRemindersScheduler);
    const morning = new Date(`${today}T01:30:00Z`); // 08:30 in Vietnam
    expect(await scheduler.tick(morning)).toBe(true);
    expect(await scheduler.tick(morning)).toBe(false);
    await (app.get(JobQueue) as InProcessJobQueue).whenIdle();
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE user_id = ? AND message_key = 'assignments.notice.reminder'",
        [workerUserId],
      ),
    ).toBe(1);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM assignment_workers h JOIN assignments a ON a.id = h.assignment_id WHERE h.reminded_at IS NOT NULL AND a.course_id = ?',
        [secondCourseId],
      ),
    ).toBe(2);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM assignment_workers WHERE assignment_id = ? AND reminded_at IS NOT NULL',
        [assignmentId],
      ),
    ).toBe(0);
    const sent = await reminders();
    expect(sent).toBe(1);
    expect(await Promise.all([service.remind(), service.remind()])).toEqual([
      { reminded: 0, done: 0 },
      { reminded: 0, done: 0 },
    ]);
    // Three days before the first one's due date, its workers not done are reminded, the done one not.
    const threeDaysBefore = new Date(`${addDays(today, 7)}T01:30:00Z`);
    const roster = await employedAt(tamPhatId);
    // Only the demo worker has a login among them.
    expect(await service.remind(threeDaysBefore)).toEqual({ reminded: 1, done: base.DONE + 1 });
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM assignment_workers WHERE assignment_id = ? AND reminded_at IS NOT NULL',
        [assignmentId],
      ),
    ).toBe(roster);
    expect(await service.remind(threeDaysBefore)).toEqual({ reminded: 0, done: 0 });
    expect(await reminders()).toBe(2);
    const notices = await worker.get('/notices');
    expect(notices.text).toContain('Nhắc nhở: khóa học');
  });

  it('shows an assignment past its due date as overdue, to the worker and the officer', async () => {
    await db.query('UPDATE assignments SET due_on = ? WHERE id = ?', [addDays(today, -1), assignmentId]);
    const learn = await worker.get('/learn');
    expect(learn.text).toContain('Quá hạn từ');
    expect(learn.text).toContain('learn-card overdue');
    const api = await officer.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200);
    const roster = await employedAt(tamPhatId);
    expect(api.body.counts).toMatchObject({ OVERDUE: roster - base.DONE - 1, DONE: base.DONE + 1 });
  });
});
