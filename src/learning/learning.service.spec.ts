import { CatalogService } from '../catalog/catalog.service';
import { Course, CourseStatus } from '../catalog/entities/course.entity';
import { CompletionRule, Lesson, LessonStatus } from '../catalog/entities/lesson.entity';
import { QuestionKind, QuestionStatus, Quiz, QuizQuestion } from '../catalog/entities/quiz.entity';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { WorkersService } from '../workers/workers.service';
import { LearnerCatalogRepository } from '../catalog/learner-catalog.repository';
import { CourseCertificate } from './entities/course-certificate.entity';
import { Enrolment } from './entities/enrolment.entity';
import { LessonProgress } from './entities/lesson-progress.entity';
import { QuizAttempt, QuizAttemptAnswer, QuizDraw } from './entities/quiz-attempt.entity';
import { LearningRepository } from './learning.repository';
import { LearningService } from './learning.service';

const WORKER = 42;
const worker = new Actor(
  9,
  'Nguyễn Văn An',
  [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: WORKER }],
  WORKER,
);
const T0 = new Date('2025-06-02T01:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const KEY = (n: number) => `submission-key-${String(n).padStart(4, '0')}`;

function lesson(id: number, rule: CompletionRule, extra: Partial<Lesson> = {}): Lesson {
  return {
    id,
    courseId: 1,
    position: id,
    title: `Bài ${id}`,
    bodyHtml: null,
    videoUrl: null,
    required: true,
    completionRule: rule,
    minMinutes: rule === CompletionRule.TimeSpent ? 1 : null,
    status: LessonStatus.Active,
    ...extra,
  } as Lesson;
}

/** A quiz of two questions: one single choice (option 11 right), one multiple (21 and 23 right). */
function quiz(id: number, lessonId: number | null, extra: Partial<Quiz> = {}): Quiz {
  return {
    id,
    courseId: 1,
    lessonId,
    title: `Kiểm tra ${id}`,
    passPercent: 100,
    maxAttempts: 0,
    shuffle: false,
    questions: [
      {
        id: id * 10 + 1,
        quizId: id,
        position: 1,
        kind: QuestionKind.Single,
        prompt: 'Mật khẩu mạnh là?',
        explanation: 'Dài và khó đoán.',
        status: QuestionStatus.Active,
        options: [
          { id: id * 100 + 11, questionId: id * 10 + 1, position: 1, label: 'Dài, khó đoán', correct: true },
          { id: id * 100 + 12, questionId: id * 10 + 1, position: 2, label: '123456', correct: false },
        ],
      },
      {
        id: id * 10 + 2,
        quizId: id,
        position: 2,
        kind: QuestionKind.Multiple,
        prompt: 'Dấu hiệu lừa đảo?',
        explanation: null,
        status: QuestionStatus.Active,
        options: [
          { id: id * 100 + 21, questionId: id * 10 + 2, position: 1, label: 'Hối thúc', correct: true },
          {
            id: id * 100 + 22,
            questionId: id * 10 + 2,
            position: 2,
            label: 'Tên miền chính thức',
            correct: false,
          },
          { id: id * 100 + 23, questionId: id * 10 + 2, position: 3, label: 'Đòi mã OTP', correct: true },
        ],
      },
    ],
    ...extra,
  } as Quiz;
}

const right = (q: number) => ({
  [`${q * 10 + 1}`]: [q * 100 + 11],
  [`${q * 10 + 2}`]: [q * 100 + 21, q * 100 + 23],
});
const halfRight = (q: number) => ({ [`${q * 10 + 1}`]: [q * 100 + 11], [`${q * 10 + 2}`]: [q * 100 + 21] });

/**
 * The service against in-memory stand-ins of its repositories: the tables are arrays, the
 * transaction just runs the work.
 */
function setup(lessons: Lesson[], quizzes: Quiz[] = [], bank: QuizQuestion[] = []) {
  const course = {
    id: 1,
    institutionId: 7,
    title: 'Kỹ năng số cho người lao động',
    status: CourseStatus.Published,
    estimatedHours: 4,
    domains: [{ code: DomainCode.Digital }],
  } as Course;
  const db = {
    enrolments: [] as Enrolment[],
    progress: [] as LessonProgress[],
    attempts: [] as QuizAttempt[],
    certificates: [] as CourseCertificate[],
    draws: [] as QuizDraw[],
    answerRows: [] as Omit<QuizAttemptAnswer, 'id'>[],
  };
  let nextId = 1;
  const learning = {
    lockEnrolment: jest.fn(
      async (_m, workerId: number, courseId: number) =>
        db.enrolments.find((e) => e.workerId === workerId && e.courseId === courseId) ?? null,
    ),
    insertEnrolment: jest.fn(async (_m, row: Partial<Enrolment>) => {
      const e = {
        id: nextId++,
        progressPercent: 0,
        completedAt: null,
        lastActivityAt: null,
        ...row,
      } as Enrolment;
      db.enrolments.push(e);
      return e;
    }),
    findEnrolment: jest.fn(
      async (workerId: number, courseId: number) =>
        db.enrolments.find((e) => e.workerId === workerId && e.courseId === courseId) ?? null,
    ),
    updateEnrolment: jest.fn(async (_m, id: number, changes: Partial<Enrolment>) => {
      Object.assign(
        db.enrolments.find((e) => e.id === id)!,
        changes,
      );
    }),
    progressRows: jest.fn(async (enrolmentId: number) =>
      db.progress.filter((p) => p.enrolmentId === enrolmentId).map((p) => ({ ...p })),
    ),
    saveProgress: jest.fn(async (_m, row: Partial<LessonProgress>) => {
      const existing = db.progress.find((p) => p.id === row.id);
      if (existing) return Object.assign(existing, row);
      const created = { id: nextId++, quizPassedAt: null, completedAt: null, ...row } as LessonProgress;
      db.progress.push(created);
      return created;
    }),
    attemptByKey: jest.fn(
      async (_m, key: string) => db.attempts.find((a) => a.submissionKey === key) ?? null,
    ),
    countAttempts: jest.fn(
      async (_m, enrolmentId: number, quizId: number) =>
        db.attempts.filter((a) => a.enrolmentId === enrolmentId && a.quizId === quizId).length,
    ),
    insertAttempt: jest.fn(async (_m, row: Omit<QuizAttempt, 'id'>) => {
      const attempt = { id: nextId++, ...row } as QuizAttempt;
      db.attempts.push(attempt);
      return attempt;
    }),
    insertAttemptAnswers: jest.fn(async (_m, rows: Omit<QuizAttemptAnswer, 'id'>[]) => {
      db.answerRows.push(...rows);
    }),
    drawByKey: jest.fn(async (key: string) => db.draws.find((d) => d.submissionKey === key) ?? null),
    openDraw: jest.fn(
      async (workerId: number, quizId: number) =>
        db.draws
          .filter((d) => d.workerId === workerId && d.quizId === quizId)
          .filter((d) => !db.attempts.some((a) => a.submissionKey === d.submissionKey))
          .pop() ?? null,
    ),
    insertDraw: jest.fn(async (row: Omit<QuizDraw, 'id'>) => {
      const draw = { id: nextId++, ...row } as QuizDraw;
      db.draws.push(draw);
      return draw;
    }),
    passedQuizIds: jest.fn(async (enrolmentId: number) => [
      ...new Set(db.attempts.filter((a) => a.enrolmentId === enrolmentId && a.passed).map((a) => a.quizId)),
    ]),
    attemptsOf: jest.fn(async (enrolmentId: number, quizId: number) =>
      db.attempts.filter((a) => a.enrolmentId === enrolmentId && a.quizId === quizId),
    ),
    findAttempt: jest.fn(async (id: number) => db.attempts.find((a) => a.id === id) ?? null),
    certificateOfEnrolment: jest.fn(
      async (_m, enrolmentId: number) => db.certificates.find((c) => c.enrolmentId === enrolmentId) ?? null,
    ),
    insertCertificate: jest.fn(async (_m, row: Omit<CourseCertificate, 'id'>) => {
      const c = { id: nextId++, ...row } as CourseCertificate;
      db.certificates.push(c);
      return c;
    }),
    certificateCodesOf: jest.fn(async () => new Map(db.certificates.map((c) => [c.courseId, c.code]))),
  };
  const learnerCatalog = {
    findCourse: jest.fn(async (id: number) => (id === course.id ? course : null)),
    lessonsOf: jest.fn(async () => lessons),
    activeLessonsOf: jest.fn(async () => lessons.filter((l) => l.status === LessonStatus.Active)),
    quizzesOf: jest.fn(async () => quizzes),
    quizWithQuestions: jest.fn(async (id: number) => quizzes.find((q) => q.id === id) ?? null),
    bankQuestionIds: jest.fn(async () =>
      bank.filter((q) => q.status === QuestionStatus.Active).map((q) => q.id),
    ),
    bankQuestions: jest.fn(async (_courseId: number, ids: number[]) =>
      ids.flatMap((id) => bank.filter((q) => q.id === id)),
    ),
  };
  const records = {
    recordWithin: jest.fn(async () => ({ id: 1, created: true })),
    announce: jest.fn(async () => undefined),
  };
  const workers = { currentEnterpriseIds: jest.fn(async () => [5]) };
  const unitOfWork = { run: jest.fn((work: (manager: unknown) => Promise<unknown>) => work({})) };
  const catalog = { lessonFiles: jest.fn(async () => []) };
  const sut = new LearningService(
    learning as unknown as LearningRepository,
    learnerCatalog as unknown as LearnerCatalogRepository,
    catalog as unknown as CatalogService,
    records as unknown as LearningRecordsService,
    workers as unknown as WorkersService,
    unitOfWork as unknown as UnitOfWork,
  );
  return { sut, db, course, lessons, learning, records };
}

describe(LearningService.name, () => {
  describe('completion rules', () => {
    it('counts an OPENED lesson done when opened, and completes the course with one record and one certificate', async () => {
      const { sut, db, records, course } = setup([
        lesson(1, CompletionRule.Opened),
        lesson(2, CompletionRule.Opened),
      ]);
      const first = await sut.openLesson(worker, 1, 1, at(0));
      expect(first.done).toBe(true);
      expect(first.outcome.state).toMatchObject({ done: 1, total: 2, percent: 50, complete: false });
      expect(records.recordWithin).not.toHaveBeenCalled();

      const second = await sut.openLesson(worker, 1, 2, at(60));
      expect(second.outcome.completedNow).toBe(true);
      expect(db.enrolments[0]).toMatchObject({ progressPercent: 100, completedAt: at(60) });
      expect(records.recordWithin).toHaveBeenCalledTimes(1);
      expect(records.recordWithin).toHaveBeenCalledWith(expect.anything(), {
        workerId: WORKER,
        occurredOn: '2025-06-02',
        hours: 4,
        source: RecordSource.Course,
        sourceRef: 'course:1',
        title: course.title,
        domains: [DomainCode.Digital],
        institutionId: 7,
        enterpriseId: 5,
      });
      expect(records.announce).toHaveBeenCalledWith([WORKER]);
      expect(db.certificates).toHaveLength(1);
      expect(db.certificates[0].code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

      // Opening a lesson again (a replay, a second visit) adds nothing.
      await sut.openLesson(worker, 1, 2, at(120));
      expect(records.recordWithin).toHaveBeenCalledTimes(1);
      expect(db.certificates).toHaveLength(1);
      expect(db.enrolments[0].completedAt).toEqual(at(60));
    });

    it('counts a TIME_SPENT lesson done once the minutes are reached', async () => {
      const { sut } = setup([lesson(1, CompletionRule.TimeSpent, { minMinutes: 1 })]);
      const opened = await sut.openLesson(worker, 1, 1, at(0));
      expect(opened.done).toBe(false);
      const half = await sut.heartbeat(worker, 1, 1, 30, at(30));
      expect(half).toMatchObject({ credited: 30, secondsSpent: 30, lessonDone: false, progressPercent: 0 });
      const full = await sut.heartbeat(worker, 1, 1, 30, at(60));
      expect(full).toMatchObject({ credited: 30, secondsSpent: 60, lessonDone: true, courseCompleted: true });
    });

    it('counts a QUIZ_MASTERED lesson done only when its quiz is passed', async () => {
      const { sut } = setup([lesson(1, CompletionRule.QuizMastered)], [quiz(3, 1)]);
      expect((await sut.openLesson(worker, 1, 1, at(0))).done).toBe(false);
      const failed = await sut.submitQuiz(
        worker,
        1,
        3,
        { submissionKey: KEY(1), answers: halfRight(3) },
        at(10),
      );
      expect(failed.attempt).toMatchObject({ passed: false, scorePercent: 50 });
      expect(failed.outcome.doneLessonIds.has(1)).toBe(false);
      const passed = await sut.submitQuiz(worker, 1, 3, { submissionKey: KEY(2), answers: right(3) }, at(20));
      expect(passed.attempt).toMatchObject({ passed: true, scorePercent: 100, attemptNo: 2 });
      expect(passed.outcome.doneLessonIds.has(1)).toBe(true);
      expect(passed.outcome.completedNow).toBe(true);
    });

    it('does not count lessons removed from the course', async () => {
      const { sut, records } = setup([
        lesson(1, CompletionRule.Opened),
        lesson(2, CompletionRule.TimeSpent, { minMinutes: 30, status: LessonStatus.Removed }),
      ]);
      const view = await sut.openLesson(worker, 1, 1, at(0));
      expect(view.outcome.state).toMatchObject({ done: 1, total: 1, complete: true });
      expect(records.recordWithin).toHaveBeenCalledTimes(1);
      await expect(sut.openLesson(worker, 1, 2, at(5))).rejects.toThrow('Not Found');
    });

    it('goes on from the last lesson to its quiz while not passed, never back to the lesson', async () => {
      const { sut } = setup(
        [lesson(1, CompletionRule.TimeSpent, { minMinutes: 5 }), lesson(2, CompletionRule.QuizMastered)],
        [quiz(3, 2)],
      );
      expect((await sut.openLesson(worker, 1, 1, at(0))).onwardUrl).toBe('/learn/courses/1/lessons/2');
      const last = await sut.openLesson(worker, 1, 2, at(10));
      expect(last.nextUrl).toBe('/learn/courses/1/lessons/1');
      expect(last.onwardUrl).toBe('/learn/courses/1/quizzes/3');
      await sut.submitQuiz(worker, 1, 3, { submissionKey: KEY(1), answers: right(3) }, at(20));
      // Its quiz passed: on to what is left (the first lesson's minutes), else the course page.
      expect((await sut.openLesson(worker, 1, 2, at(30))).onwardUrl).toBe('/learn/courses/1/lessons/1');
      const onlyThisLeft = setup([lesson(1, CompletionRule.TimeSpent, { minMinutes: 5 })]);
      expect((await onlyThisLeft.sut.openLesson(worker, 1, 1, at(0))).onwardUrl).toBe('/courses/1');
    });

    it('asks for the final quiz as well as the lessons', async () => {
      const { sut, records, db } = setup([lesson(1, CompletionRule.Opened)], [quiz(4, null)]);
      const view = await sut.openLesson(worker, 1, 1, at(0));
      expect(view.outcome.state).toMatchObject({ done: 1, total: 2, percent: 50, complete: false });
      expect(view.nextUrl).toBe('/learn/courses/1/quizzes/4');
      await sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(1), answers: halfRight(4) }, at(10));
      expect(records.recordWithin).not.toHaveBeenCalled();
      const passed = await sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(2), answers: right(4) }, at(20));
      expect(passed.outcome.state).toMatchObject({ percent: 100, complete: true });
      expect(records.recordWithin).toHaveBeenCalledTimes(1);
      expect(db.certificates).toHaveLength(1);
    });

    it('keeps a completion when a required lesson is added afterwards', async () => {
      const { sut, records, db, lessons } = setup([lesson(1, CompletionRule.Opened)]);
      await sut.openLesson(worker, 1, 1, at(0));
      expect(db.enrolments[0].completedAt).toEqual(at(0));
      lessons.push(lesson(2, CompletionRule.TimeSpent, { minMinutes: 20 }));
      const view = await sut.openLesson(worker, 1, 1, at(100));
      expect(view.outcome.state).toMatchObject({ percent: 100, complete: true });
      expect(db.enrolments[0]).toMatchObject({ completedAt: at(0), progressPercent: 100 });
      expect(records.recordWithin).toHaveBeenCalledTimes(1);
      expect(db.certificates).toHaveLength(1);
    });
  });

  describe('quizzes', () => {
    it('scores each question all or nothing: single by its one option, multiple by exactly the right set', async () => {
      const { sut } = setup([lesson(1, CompletionRule.Opened)], [quiz(4, null, { passPercent: 50 })]);
      const cases: [Record<string, number[]>, number][] = [
        [right(4), 100],
        [{ '41': [412], '42': [421, 423] }, 50],
        [{ '41': [411], '42': [421, 422, 423] }, 50],
        [{ '41': [412], '42': [423] }, 0],
      ];
      for (const [i, [answers, score]] of cases.entries()) {
        const { attempt } = await sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(i), answers }, at(i));
        expect({ i, score: attempt.scorePercent, passed: attempt.passed }).toEqual({
          i,
          score,
          passed: score >= 50,
        });
      }
    });

    it('stores one attempt for a submission sent twice', async () => {
      const { sut, learning, db } = setup([lesson(1, CompletionRule.Opened)], [quiz(4, null)]);
      const first = await sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(7), answers: right(4) }, at(0));
      const again = await sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(7), answers: right(4) }, at(1));
      expect(first.replayed).toBe(false);
      expect(again).toMatchObject({ replayed: true, attempt: { id: first.attempt.id } });
      expect(learning.insertAttempt).toHaveBeenCalledTimes(1);
      expect(db.attempts).toHaveLength(1);
    });

    it('refuses an attempt beyond the limit with a clear message, but still answers a replay', async () => {
      const { sut, db } = setup([lesson(1, CompletionRule.Opened)], [quiz(4, null, { maxAttempts: 2 })]);
      await sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(1), answers: halfRight(4) }, at(0));
      await sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(2), answers: halfRight(4) }, at(1));
      const third = sut.submitQuiz(worker, 1, 4, { submissionKey: KEY(3), answers: right(4) }, at(2));
      await expect(third).rejects.toBeInstanceOf(FormError);
      await expect(third).rejects.toMatchObject({
        fieldErrors: { answers: { key: 'learning.quiz.noAttemptsLeft', params: { max: 2 } } },
      });
      expect(db.attempts).toHaveLength(2);
      const replay = await sut.submitQuiz(
        worker,
        1,
        4,
        { submissionKey: KEY(2), answers: halfRight(4) },
        at(3),
      );
      expect(replay.replayed).toBe(true);
      const form = await sut.quizForm(worker, 1, 4);
      expect(form.attemptsLeft).toBe(0);
    });

    it('asks for every question to be answered before storing anything', async () => {
      const { sut, db } = setup([lesson(1, CompletionRule.Opened)], [quiz(4, null)]);
      const missing = sut.submitQuiz(
        worker,
        1,
        4,
        { submissionKey: KEY(1), answers: { '41': [411] } },
        at(0),
      );
      await expect(missing).rejects.toMatchObject({
        fieldErrors: { q42: { key: 'learning.quiz.unanswered' } },
      });
      const foreign = sut.submitQuiz(worker, 1, 4, {
        submissionKey: KEY(1),
        answers: { '41': [999], '42': [421] },
      });
      await expect(foreign).rejects.toMatchObject({ fieldErrors: { q41: { key: 'validation.invalid' } } });
      expect(db.attempts).toHaveLength(0);
    });

    it('shows a shuffled quiz in the same order for the same attempt', async () => {
      const { sut } = setup([lesson(1, CompletionRule.Opened)], [quiz(4, null, { shuffle: true })]);
      const a = await sut.quizForm(worker, 1, 4, KEY(1));
      const b = await sut.quizForm(worker, 1, 4, KEY(1));
      expect(b.questions).toEqual(a.questions);
      expect(a.questions.flatMap((q) => q.options.map((o) => o.id)).sort()).toEqual([
        411, 412, 421, 422, 423,
      ]);
      expect(JSON.stringify(a.questions)).not.toContain('correct');
    });
  });

  describe('quizzes drawn from the bank', () => {
    /** Five true/false bank questions (id 501–505, "Đúng" right) and one removed (506). */
    const bank = [501, 502, 503, 504, 505, 506].map(
      (id) =>
        ({
          id,
          quizId: null,
          courseId: 1,
          position: id,
          kind: QuestionKind.TrueFalse,
          prompt: `Câu ${id}`,
          explanation: null,
          status: id === 506 ? QuestionStatus.Removed : QuestionStatus.Active,
          options: [
            { id: id * 10 + 1, questionId: id, position: 1, label: 'Đúng', matchLabel: null, correct: true },
            { id: id * 10 + 2, questionId: id, position: 2, label: 'Sai', matchLabel: null, correct: false },
          ],
        }) as QuizQuestion,
    );
    const drawing = (extra: Partial<Quiz> = {}) => quiz(8, null, { questions: [], drawCount: 3, ...extra });
    const allRight = (ids: number[]) => Object.fromEntries(ids.map((id) => [String(id), [id * 10 + 1]]));

    it('draws N distinct active questions, keeps them for a reload, and marks the attempt on them', async () => {
      const { sut, db } = setup([lesson(1, CompletionRule.Opened)], [drawing()], bank);
      const form = await sut.quizForm(worker, 1, 8);
      const ids = form.questions.map((q) => q.id);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(ids).not.toContain(506);
      expect(db.draws).toEqual([expect.objectContaining({ workerId: WORKER, quizId: 8, questionIds: ids })]);
      const reload = await sut.quizForm(worker, 1, 8);
      expect(reload.submissionKey).toBe(form.submissionKey);
      expect(reload.questions.map((q) => q.id)).toEqual(ids);
      const { attempt } = await sut.submitQuiz(worker, 1, 8, {
        submissionKey: form.submissionKey,
        answers: allRight(ids),
      });
      expect(attempt).toMatchObject({ questionIds: ids, scorePercent: 100, passed: true });
      expect(db.answerRows.map((r) => r.questionId).sort()).toEqual([...ids].sort());
      // Submitted: the next visit draws anew.
      const next = await sut.quizForm(worker, 1, 8);
      expect(next.submissionKey).not.toBe(form.submissionKey);
      expect(db.draws).toHaveLength(2);
    });

    it('refuses answers to a question that was not drawn, and a key that was never handed out', async () => {
      const { sut, db } = setup([lesson(1, CompletionRule.Opened)], [drawing()], bank);
      const form = await sut.quizForm(worker, 1, 8);
      const ids = form.questions.map((q) => q.id);
      const other = [501, 502, 503, 504, 505].find((id) => !ids.includes(id))!;
      await expect(
        sut.submitQuiz(worker, 1, 8, {
          submissionKey: form.submissionKey,
          answers: { ...allRight(ids), [String(other)]: [other * 10 + 1] },
        }),
      ).rejects.toThrow('Bad Request');
      await expect(
        sut.submitQuiz(worker, 1, 8, { submissionKey: KEY(99), answers: allRight(ids) }),
      ).rejects.toThrow('Bad Request');
      expect(db.attempts).toHaveLength(0);
    });

    it('draws the whole bank when it holds fewer questions than asked', async () => {
      const { sut } = setup([lesson(1, CompletionRule.Opened)], [drawing({ drawCount: 9 })], bank);
      const form = await sut.quizForm(worker, 1, 8);
      expect(form.questions.map((q) => q.id).sort()).toEqual([501, 502, 503, 504, 505]);
    });

    it('shows the questions an attempt drew on its feedback, a removed one too', async () => {
      const { sut } = setup([lesson(1, CompletionRule.Opened)], [drawing()], bank);
      const form = await sut.quizForm(worker, 1, 8);
      const ids = form.questions.map((q) => q.id);
      const { attempt } = await sut.submitQuiz(worker, 1, 8, {
        submissionKey: form.submissionKey,
        answers: allRight(ids),
      });
      bank.find((q) => q.id === ids[0])!.status = QuestionStatus.Removed;
      const feedback = await sut.feedback(worker, 1, 8, attempt.id);
      expect(feedback.questions.map((q) => q.id)).toEqual(ids);
      expect(feedback.questions.every((q) => q.correct)).toBe(true);
      bank.find((q) => q.id === ids[0])!.status = QuestionStatus.Active;
    });
  });

  describe('heartbeats', () => {
    it('credits at most the wall time since the previous heartbeat and at most a minute', async () => {
      const { sut } = setup([lesson(1, CompletionRule.TimeSpent, { minMinutes: 10 })]);
      await sut.openLesson(worker, 1, 1, at(0));
      expect((await sut.heartbeat(worker, 1, 1, 30, at(5))).credited).toBe(5);
      // The same heartbeat replayed at once earns nothing.
      expect((await sut.heartbeat(worker, 1, 1, 30, at(5))).credited).toBe(0);
      expect((await sut.heartbeat(worker, 1, 1, 3600, at(605))).credited).toBe(60);
      expect((await sut.heartbeat(worker, 1, 1, 20, at(665))).credited).toBe(20);
      expect((await sut.heartbeat(worker, 1, 1, 30, at(666))).secondsSpent).toBe(86);
    });

    it('credits 15-second steps and the short remainder sent when the page is hidden, in full', async () => {
      const { sut } = setup([lesson(1, CompletionRule.TimeSpent, { minMinutes: 10 })]);
      await sut.openLesson(worker, 1, 1, at(0));
      expect((await sut.heartbeat(worker, 1, 1, 15, at(15.2))).credited).toBe(15);
      expect((await sut.heartbeat(worker, 1, 1, 15, at(30.4))).credited).toBe(15);
      // Hidden after 7 more seconds: the beacon's 7 s count, then nothing while hidden.
      expect((await sut.heartbeat(worker, 1, 1, 7, at(37.6))).credited).toBe(7);
      // Shown again 5 minutes later: 15 visible seconds are 15, not the 5 minutes in between.
      expect((await sut.heartbeat(worker, 1, 1, 15, at(352.6))).credited).toBe(15);
      // A step claiming more than the time since the previous one is cut to that time.
      const capped = await sut.heartbeat(worker, 1, 1, 15, at(356.6));
      expect(capped).toMatchObject({ credited: 4, secondsSpent: 56 });
    });

    it('still credits the last seconds a page sends as it is left, after the lesson is opened again', async () => {
      const { sut } = setup([lesson(1, CompletionRule.TimeSpent, { minMinutes: 10 })]);
      await sut.openLesson(worker, 1, 1, at(0));
      await sut.heartbeat(worker, 1, 1, 15, at(15));
      // "Tiếp tục" (or a reload) opens it again; the leaving page's beacon arrives just after.
      await sut.openLesson(worker, 1, 1, at(22));
      expect((await sut.heartbeat(worker, 1, 1, 7, at(22.3))).credited).toBe(7);
      // Opened again after a pause: the pause earns nothing.
      await sut.openLesson(worker, 1, 1, at(600));
      expect((await sut.heartbeat(worker, 1, 1, 15, at(601))).credited).toBe(1);
    });

    it('earns nothing for a lesson never opened', async () => {
      const { sut } = setup([lesson(1, CompletionRule.Opened), lesson(2, CompletionRule.TimeSpent)]);
      await expect(sut.heartbeat(worker, 1, 2, 30, at(0))).rejects.toThrow('Not Found');
      await sut.openLesson(worker, 1, 1, at(0));
      expect(await sut.heartbeat(worker, 1, 2, 30, at(30))).toMatchObject({ credited: 0, secondsSpent: 0 });
    });
  });
});
