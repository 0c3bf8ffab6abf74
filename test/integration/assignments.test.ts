import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssignmentsService } from '../../src/assignments/assignments.service';
import { addDays } from '../../src/common/time/iso-date';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { ensureLearningDomains } from '../support/learning-domains';
import { createCourse, createInstitution, createWorker } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { createEnterprise, officerOf } from '../support/workers-factory';

/**
 * Assignments on MariaDB: giving a course to a roster at the same moment from two requests, and
 * the reminders run twice at once, leave one holder, one enrolment and one notice per worker; the
 * due date reads back as the calendar day it was given.
 */
describe('assignments (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let sut: AssignmentsService;
  let enterpriseId: number;
  let otherEnterpriseId: number;
  let courseId: number;
  const workers: number[] = [];
  const today = todayInVietnam();
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    sut = app.get(AssignmentsService);
    await ensureLearningDomains(db);
    enterpriseId = await createEnterprise(db, 'Công ty TNHH Giao Khóa Học');
    otherEnterpriseId = await createEnterprise(db, 'Công ty CP Khác');
    const institutionId = await createInstitution(db);
    courseId = (
      await createCourse(db, {
        title: 'An toàn lao động',
        institutionId,
        domains: ['VOCATIONAL'],
        lessons: [{}],
      })
    ).course.id;
    for (let i = 0; i < 5; i++) {
      const id = await createWorker(db, `Người Lao Động ${i}`);
      await db.query(
        'INSERT INTO employments (worker_id, enterprise_id, start_date, employee_code) VALUES (?, ?, ?, ?)',
        [id, i < 4 ? enterpriseId : otherEnterpriseId, '2024-01-01', `GK${i}`],
      );
      workers.push(id);
    }
    // The first worker has a login, for the notices.
    await db.query(
      "INSERT INTO users (username, display_name, status) VALUES (?, 'Người Lao Động 0', 'ACTIVE')",
      [`gk-${workers[0]}`],
    );
    const [{ id: userId }] = await db.query('SELECT id FROM users WHERE username = ?', [`gk-${workers[0]}`]);
    await db.query('UPDATE workers SET user_id = ? WHERE id = ?', [userId, workers[0]]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives the roster once however many requests arrive together, and refuses another enterprise’s worker', async () => {
    const officer = officerOf(9301, enterpriseId);
    const dto = { courseId, dueOn: addDays(today, 2), wholeRoster: true };
    const results = await Promise.all([
      sut.create(officer, dto),
      sut.create(officer, dto),
      sut.create(officer, dto),
    ]);
    const id = results[0].assignment.id;
    expect(results.every((r) => r.assignment.id === id)).toBe(true);
    expect(results.reduce((sum, r) => sum + r.added, 0)).toBe(4);
    expect(await count('SELECT COUNT(*) AS n FROM assignment_workers WHERE assignment_id = ?', [id])).toBe(4);
    expect(await count('SELECT COUNT(*) AS n FROM enrolments WHERE course_id = ?', [courseId])).toBe(4);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE dedupe_key = ? AND message_key = 'assignments.notice.assigned'",
        [`assignment:${id}`],
      ),
    ).toBe(1);
    const detail = await sut.detail(officer, id);
    expect(detail.dueOn).toBe(addDays(today, 2));
    expect(detail.counts).toMatchObject({ total: 4, NOT_STARTED: 4 });

    await expect(sut.addWorkers(officer, id, { workerIds: [workers[4]] })).rejects.toMatchObject({
      fieldErrors: { workerIds: expect.objectContaining({ key: 'assignments.error.notOnRoster' }) },
    });
    await expect(sut.detail(officerOf(9302, otherEnterpriseId), id)).rejects.toThrow();
    expect(
      await count('SELECT COUNT(*) AS n FROM assignment_workers WHERE worker_id = ?', [workers[4]]),
    ).toBe(0);
  });

  it('reminds once when two runs race', async () => {
    const runs = await Promise.all([sut.remind(), sut.remind()]);
    expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(1);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE message_key = 'assignments.notice.reminder' AND dedupe_key LIKE ?",
        ['assignment-reminder:%'],
      ),
    ).toBe(1);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM assignment_workers WHERE course_id = ? AND reminded_at IS NULL',
        [courseId],
      ),
    ).toBe(0);
    expect(await sut.remind()).toEqual({ reminded: 0, done: 0 });
  });
});
