import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransactionConflict } from '../../src/database/unit-of-work';
import { LearningRepository } from '../../src/learning/learning.repository';
import { LearningService, newSubmissionKey } from '../../src/learning/learning.service';
import {
  CourseFixture,
  createCourse,
  createInstitution,
  createWorker,
  workerActor,
} from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { ensureLearningDomains } from '../support/learning-domains';

/**
 * Completing a course on MariaDB: the finishing event arriving ten times at once, a replayed quiz
 * submission and a transaction run again all leave exactly one completion, one learning record
 * and one certificate.
 */
describe('online learning (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let sut: LearningService;
  let institutionId: number;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    sut = app.get(LearningService);
    // The reference seed is not loaded on MySQL test databases.
    await ensureLearningDomains(db);
    institutionId = await createInstitution(db);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
  });

  const newCourse = () =>
    createCourse(db, {
      title: `Kỹ năng số ${randomBytes(3).toString('hex')}`,
      institutionId,
      domains: ['DIGITAL', 'LIFE_SKILLS'],
      lessons: [{}, {}],
      hours: 3.5,
    });

  /** What completing left behind for one worker and course. */
  async function traces(workerId: number, fixture: CourseFixture) {
    const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);
    const [enrolment] = await db.query(
      'SELECT id, completed_at, progress_percent FROM enrolments WHERE worker_id = ? AND course_id = ?',
      [workerId, fixture.course.id],
    );
    return {
      records: await count(
        "SELECT COUNT(*) n FROM learning_records WHERE worker_id = ? AND source = 'COURSE' AND source_ref = ?",
        [workerId, `course:${fixture.course.id}`],
      ),
      recordDomains: await count(
        'SELECT COUNT(*) n FROM learning_record_domains rd JOIN learning_records r ON r.id = rd.record_id WHERE r.worker_id = ?',
        [workerId],
      ),
      certificates: await count('SELECT COUNT(*) n FROM course_certificates WHERE enrolment_id = ?', [
        enrolment.id,
      ]),
      attempts: await count('SELECT COUNT(*) n FROM quiz_attempts WHERE enrolment_id = ?', [enrolment.id]),
      enrolments: await count('SELECT COUNT(*) n FROM enrolments WHERE worker_id = ?', [workerId]),
      completedAt: enrolment.completed_at as Date | null,
      percent: Number(enrolment.progress_percent),
      summary: (
        await db.query('SELECT hours, records FROM worker_learning_summary WHERE worker_id = ?', [workerId])
      )[0],
    };
  }

  it('completes once when the last lesson is opened ten times at once', async () => {
    const fixture = await newCourse();
    const workerId = await createWorker(db);
    const actor = workerActor(workerId);
    await sut.enrol(actor, fixture.course.id);
    await sut.openLesson(actor, fixture.course.id, fixture.lessons[0].id);
    const key = newSubmissionKey();
    await sut.submitQuiz(actor, fixture.course.id, fixture.finalQuiz.id, {
      submissionKey: key,
      answers: fixture.right,
    });
    expect((await traces(workerId, fixture)).completedAt).toBeNull();

    const finishes = await Promise.all(
      Array.from({ length: 10 }, () => sut.openLesson(actor, fixture.course.id, fixture.lessons[1].id)),
    );
    expect(finishes.filter((f) => f.outcome.completedNow)).toHaveLength(1);
    expect(finishes.every((f) => f.outcome.state.percent === 100)).toBe(true);

    // The final quiz's submission replayed afterwards changes nothing either.
    const replay = await sut.submitQuiz(actor, fixture.course.id, fixture.finalQuiz.id, {
      submissionKey: key,
      answers: fixture.right,
    });
    expect(replay.replayed).toBe(true);

    const after = await traces(workerId, fixture);
    expect(after).toMatchObject({
      records: 1,
      recordDomains: 2,
      certificates: 1,
      attempts: 1,
      enrolments: 1,
      percent: 100,
    });
    expect(after.completedAt).not.toBeNull();
    expect(after.summary).toMatchObject({ records: 1 });
    expect(Number(after.summary.hours)).toBe(3.5);
  });

  it('stores one attempt and one completion when the final quiz is submitted ten times at once', async () => {
    const fixture = await newCourse();
    const workerId = await createWorker(db);
    const actor = workerActor(workerId);
    for (const lesson of fixture.lessons) await sut.openLesson(actor, fixture.course.id, lesson.id);
    const submission = { submissionKey: newSubmissionKey(), answers: fixture.right };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        sut.submitQuiz(actor, fixture.course.id, fixture.finalQuiz.id, submission),
      ),
    );
    expect(new Set(results.map((r) => r.attempt.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.filter((r) => r.outcome.completedNow)).toHaveLength(1);
    expect(await traces(workerId, fixture)).toMatchObject({
      records: 1,
      certificates: 1,
      attempts: 1,
      percent: 100,
    });
    const runs = await db.query(
      "SELECT COUNT(*) n FROM job_runs WHERE name = 'learning.recorded' AND business_key = ?",
      [String(workerId)],
    );
    expect(Number(runs[0].n)).toBe(1);
  });

  it('adds nothing when the completing transaction is run again', async () => {
    const fixture = await newCourse();
    const workerId = await createWorker(db);
    const actor = workerActor(workerId);
    await sut.openLesson(actor, fixture.course.id, fixture.lessons[0].id);
    await sut.openLesson(actor, fixture.course.id, fixture.lessons[1].id);
    // The first run stores the record, then loses a race on its last insert and is rolled back;
    // the unit of work runs it again from the start.
    const repository = app.get(LearningRepository);
    const insertCertificate = jest.spyOn(repository, 'insertCertificate').mockImplementationOnce(async () => {
      throw new TransactionConflict('certificate stored concurrently');
    });
    const finished = await sut.submitQuiz(actor, fixture.course.id, fixture.finalQuiz.id, {
      submissionKey: newSubmissionKey(),
      answers: fixture.right,
    });
    expect(insertCertificate).toHaveBeenCalledTimes(2);
    insertCertificate.mockRestore();
    expect(finished.outcome.completedNow).toBe(true);
    expect(finished.attempt.attemptNo).toBe(1);
    const after = await traces(workerId, fixture);
    expect(after).toMatchObject({ records: 1, certificates: 1, attempts: 1, percent: 100 });
    expect(after.summary).toMatchObject({ records: 1 });
  });
});
