import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CourseStatsService } from '../../src/learning/course-stats.service';
import { LearningService } from '../../src/learning/learning.service';
import { createCourse, createWorker, workerActor } from './learning-factory';
import { createEnterprise } from './workers-factory';

const T0 = Date.parse('2026-01-05T02:00:00Z');
const at = (days: number, seconds = 0) => new Date(T0 + days * 86_400_000 + seconds * 1000);

/**
 * The small course every expectation below is computed from by hand:
 *
 *  worker  enterprise  lessons  quiz attempts (final: single + multiple)  completed after  seconds
 *  A1      A           1, 2     right                                     2 days           60
 *  A2      A           1, 2     wrong, right                              4 days           120
 *  A3      A           1, 2     right                                     10 days          0
 *  A4      A           1        –                                         –
 *  A5      A           –        –                                         –
 *  A6      A           1, 2     wrong                                     –
 *  B1      B           1, 2     right                                     6 days           180
 *  B2      B           –        –                                         –
 *  N1      none        1        –                                         –
 *
 * Enrolled 9, started 7 (77,8 %), completed 4 (44,4 %); median days (2, 4, 6, 10) = 5; median
 * time of completers with time (60, 120, 180 s) = 2 minutes. Lesson 1 done by 7 (77,8 %), lesson 2
 * by 5 (55,6 %). Quiz: 6 attempts, 5 learners, 4 passed (80 %), average (4 × 100 + 2 × 50) / 6 =
 * 83,3. The multiple-choice question was right 4 times of 6 (66,7 %), the single-choice one 6 of 6.
 * Enterprise A: 6 enrolled, 5 started, 3 completed (50 %); B (2) and no enterprise (1): "< 5".
 */
export async function buildFixture(app: INestApplication, institutionId: number) {
  const db = app.get(DataSource);
  const learning = app.get(LearningService);
  const suffix = Math.random().toString(36).slice(2, 8);
  const fixture = await createCourse(db, {
    title: `Thống kê an toàn số ${suffix}`,
    institutionId,
    domains: ['DIGITAL'],
    lessons: [{}, {}],
  });
  const { course, lessons, right, wrong } = fixture;
  const quizId = fixture.finalQuiz.id;
  const enterpriseA = await createEnterprise(db, `Công ty TNHH Điện tử Hòa Bình ${suffix}`);
  const enterpriseB = await createEnterprise(db, `Hợp tác xã Cà phê Đắk Mil ${suffix}`);
  const employ = (workerId: number, enterpriseId: number) =>
    db.query(
      'INSERT INTO employments (worker_id, enterprise_id, start_date, union_member) VALUES (?, ?, ?, ?)',
      [workerId, enterpriseId, '2020-01-01', 0],
    );
  let key = 0;
  const submissionKey = () => `stats${suffix}${String(++key).padStart(8, '0')}`;

  async function learner(
    enterpriseId: number | null,
    plan: { lessons: number; attempts: ('right' | 'wrong')[]; days?: number; heartbeats?: number },
  ) {
    const workerId = await createWorker(db, `Người học ${suffix} ${++key}`);
    if (enterpriseId) await employ(workerId, enterpriseId);
    const actor = workerActor(workerId);
    await learning.enrol(actor, course.id, at(0));
    for (let i = 0; i < plan.lessons; i++)
      await learning.openLesson(actor, course.id, lessons[i].id, at(0, 10 + i));
    for (let beat = 1; beat <= (plan.heartbeats ?? 0); beat++)
      await learning.heartbeat(actor, course.id, lessons[0].id, 60, at(0, 10 + 60 * beat));
    for (const [i, answer] of plan.attempts.entries()) {
      const last = i === plan.attempts.length - 1;
      const when = last && plan.days ? at(plan.days) : at(1, i);
      await learning.submitQuiz(
        actor,
        course.id,
        quizId,
        { submissionKey: submissionKey(), answers: answer === 'right' ? right : wrong },
        when,
      );
    }
  }

  await learner(enterpriseA, { lessons: 2, attempts: ['right'], days: 2, heartbeats: 1 });
  await learner(enterpriseA, { lessons: 2, attempts: ['wrong', 'right'], days: 4, heartbeats: 2 });
  await learner(enterpriseA, { lessons: 2, attempts: ['right'], days: 10 });
  await learner(enterpriseA, { lessons: 1, attempts: [] });
  await learner(enterpriseA, { lessons: 0, attempts: [] });
  await learner(enterpriseA, { lessons: 2, attempts: ['wrong'] });
  await learner(enterpriseB, { lessons: 2, attempts: ['right'], days: 6, heartbeats: 3 });
  await learner(enterpriseB, { lessons: 0, attempts: [] });
  await learner(null, { lessons: 1, attempts: [] });
  return { fixture, enterpriseA, enterpriseB, suffix };
}

/** The figures of the fixture, as the service returns them. */
export function expectFigures(
  stats: Awaited<ReturnType<CourseStatsService['forCourse']>>,
  ids: Awaited<ReturnType<typeof buildFixture>>,
) {
  expect(stats.totals).toEqual({
    enrolled: 9,
    started: 7,
    completed: 4,
    startedPercent: 77.8,
    completedPercent: 44.4,
  });
  expect(stats.medianDaysToComplete).toBe(5);
  expect(stats.medianMinutesSpent).toBe(2);
  expect(stats.lessons.map((l) => [l.opened, l.completed, l.completedPercent])).toEqual([
    [7, 7, 77.8],
    [5, 5, 55.6],
  ]);
  expect(stats.quizzes).toHaveLength(1);
  const [quiz] = stats.quizzes;
  expect([quiz.attempts, quiz.learners, quiz.passed, quiz.passPercent, quiz.averageScore]).toEqual([
    6, 5, 4, 80, 83.3,
  ]);
  expect(quiz.questions.map((q) => [q.prompt, q.answered, q.correct, q.correctPercent])).toEqual([
    ['Dấu hiệu nào cho thấy tin nhắn lừa đảo?', 6, 4, 66.7],
    ['Mật khẩu nào an toàn nhất?', 6, 6, 100],
  ]);
  expect(stats.enterprises).toEqual([
    {
      enterpriseId: ids.enterpriseA,
      name: `Công ty TNHH Điện tử Hòa Bình ${ids.suffix}`,
      suppressed: false,
      enrolled: 6,
      started: 5,
      completed: 3,
      completedPercent: 50,
    },
    {
      enterpriseId: ids.enterpriseB,
      name: `Hợp tác xã Cà phê Đắk Mil ${ids.suffix}`,
      suppressed: true,
      enrolled: null,
      started: null,
      completed: null,
      completedPercent: null,
    },
    {
      enterpriseId: null,
      name: null,
      suppressed: true,
      enrolled: null,
      started: null,
      completed: null,
      completedPercent: null,
    },
  ]);
}
