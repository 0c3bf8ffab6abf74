import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import { CatalogService } from '../catalog/catalog.service';
import { Course, CourseStatus } from '../catalog/entities/course.entity';
import { Lesson, LessonStatus } from '../catalog/entities/lesson.entity';
import { CHOICE_KINDS, QuestionKind, Quiz, QuizQuestion } from '../catalog/entities/quiz.entity';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { WorkersService } from '../workers/workers.service';
import { Attachment, LearnerCatalogRepository } from '../catalog/learner-catalog.repository';
import { Enrolment } from './entities/enrolment.entity';
import { LessonProgress } from './entities/lesson-progress.entity';
import {
  QuizAnswer,
  QuizAnswers,
  QuizAttempt,
  QuizAttemptAnswer,
  QuizDraw,
} from './entities/quiz-attempt.entity';
import { LearningRepository } from './learning.repository';
import {
  certificateCode,
  chosenIds,
  courseState,
  drawQuestions,
  CourseState,
  heartbeatCredit,
  HEARTBEAT_MAX_SECONDS,
  lessonRuleMet,
  scoreQuiz,
  seededShuffle,
  seenAtOnOpen,
} from './learning.rules';
import { todayInVietnam } from '../common/time/vietnam-time';

/** What one event left behind, after the completion rules ran in its transaction. */
export interface Outcome {
  enrolment: Enrolment;
  state: CourseState;
  /** Lesson ids done for this enrolment. */
  doneLessonIds: Set<number>;
  progress: Map<number, LessonProgress>;
  passedQuizIds: Set<number>;
  /** The course was completed by this very event. */
  completedNow: boolean;
}

/** A worker's enrolment in a course as other domains read it. */
export type EnrolmentState = Pick<
  Enrolment,
  'enrolledAt' | 'lastActivityAt' | 'progressPercent' | 'completedAt'
>;

export interface QuizSubmission {
  submissionKey: string;
  answers: QuizAnswers;
}

export interface LessonView {
  course: Course;
  lesson: Lesson;
  position: number;
  count: number;
  previous: Lesson | null;
  next: Lesson | null;
  attachments: Attachment[];
  quiz: Quiz | null;
  done: boolean;
  /** Null when the worker is not enrolled: the page then offers to enrol instead. */
  outcome: Outcome | null;
  nextUrl: string;
  /**
   * Where "Bài tiếp theo" / "Tiếp tục" leads from this lesson: the next lesson; from the last one,
   * its own quiz while not passed, else what is left of the course — never the lesson itself.
   */
  onwardUrl: string;
}

/**
 * A question as the worker sees it before answering: no hint of which options are right. Choice
 * kinds list their options; MATCHING lists its left items as options and every right-hand side,
 * sorted, as choices (by text, so nothing tells which goes with which); SHORT_ANSWER lists nothing.
 */
export interface QuizQuestionView {
  id: number;
  kind: QuestionKind;
  prompt: string;
  options: { id: number; label: string }[];
  choices: string[];
}

/** A question on the feedback page: right or wrong, what was answered, the right answer, why. */
export interface FeedbackQuestion extends QuizQuestionView {
  correct: boolean;
  chosen: number[];
  /** SHORT_ANSWER: the text typed. */
  text: string | null;
  /** MATCHING: the right-hand side chosen per left option id. */
  pairs: Record<string, string>;
  /** Given once the attempt passed or no attempt is left; empty before. */
  correctOptionIds: number[];
  /** Also given once revealed: SHORT_ANSWER's accepted answers; MATCHING's right side per left option id. */
  acceptedAnswers: string[];
  correctPairs: Record<string, string>;
  explanation: string | null;
}

export interface QuizForm {
  course: Course;
  quiz: Quiz;
  lesson: Lesson | null;
  submissionKey: string;
  questions: QuizQuestionView[];
  attemptsUsed: number;
  /** null when unlimited. */
  attemptsLeft: number | null;
  passedBefore: boolean;
}

export interface AttemptFeedback {
  course: Course;
  quiz: Quiz;
  lesson: Lesson | null;
  attempt: QuizAttempt;
  questions: FeedbackQuestion[];
  /** The right options are given (the quiz is passed or no attempt is left). */
  revealed: boolean;
  attemptsLeft: number | null;
  state: CourseState;
  completed: boolean;
  certificateCode: string | null;
  nextUrl: string;
}

export interface HeartbeatResult {
  credited: number;
  secondsSpent: number;
  lessonDone: boolean;
  progressPercent: number;
  courseCompleted: boolean;
}

const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Online learning by a worker: enrolling, reading lessons, time spent, quizzes. Every event runs in
 * one transaction that first locks the worker's enrolment, applies the event, then evaluates the
 * completion rules at once; completing the course stores its learning record and certificate in
 * that same transaction, exactly once however often the finishing event arrives.
 * The trailing `at` of the event methods is when it happened: now for requests (controllers never
 * pass it); the demo seeder replays study on past days through the same rules.
 */
@Injectable()
export class LearningService {
  constructor(
    private readonly learning: LearningRepository,
    private readonly learnerCatalog: LearnerCatalogRepository,
    private readonly catalog: CatalogService,
    private readonly records: LearningRecordsService,
    private readonly workers: WorkersService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Enrols the worker (once; enrolling again returns the same enrolment). */
  async enrol(actor: Actor, courseId: number, at = new Date()): Promise<Enrolment> {
    const workerId = workerOf(actor);
    const course = await this.courseForLearning(workerId, courseId);
    const { outcome } = await this.inEnrolment(workerId, course, at, async () => undefined);
    return outcome.enrolment;
  }

  /**
   * Enrols workers in a course on someone else's word (a union officer's assignment), in the
   * caller's transaction; workers already enrolled are left as they are. The caller has checked
   * that the course is published. Returns how many were enrolled now.
   */
  enrolWithin(tx: Transaction, workerIds: number[], courseId: number, at = new Date()): Promise<number> {
    return this.learning.insertMissingEnrolments(tx, courseId, [...new Set(workerIds)], at);
  }

  /** Where some workers stand in a course (those enrolled), for other domains' progress pages. */
  async enrolmentsIn(courseId: number, workerIds: number[]): Promise<Map<number, EnrolmentState>> {
    const rows = await this.learning.enrolmentsIn(courseId, [...new Set(workerIds)]);
    return new Map(
      rows.map((e) => [
        e.workerId,
        {
          enrolledAt: e.enrolledAt,
          lastActivityAt: e.lastActivityAt,
          progressPercent: e.progressPercent,
          completedAt: e.completedAt,
        },
      ]),
    );
  }

  /**
   * Where a worker goes once enrolled: the lesson they asked for (from that lesson's page), if it
   * is an active lesson of the course, else the first one not done yet.
   */
  async startUrl(actor: Actor, courseId: number, lessonId?: number): Promise<string> {
    const lessons = await this.learnerCatalog.activeLessonsOf(courseId);
    if (lessonId !== undefined && lessons.some((l) => l.id === lessonId))
      return `/learn/courses/${courseId}/lessons/${lessonId}`;
    const standing = await this.standing(workerOf(actor), courseId);
    return standing?.nextUrl ?? `/courses/${courseId}`;
  }

  /**
   * A lesson as the worker reads it, with their progress. It changes nothing: a worker not enrolled
   * is offered to enrol, and opening is recorded by openLesson (a POST) when they go on.
   */
  async lesson(actor: Actor, courseId: number, lessonId: number): Promise<LessonView> {
    const workerId = workerOf(actor);
    const course = await this.courseForLearning(workerId, courseId);
    const lessons = await this.learnerCatalog.activeLessonsOf(course.id);
    const index = lessons.findIndex((l) => l.id === lessonId);
    if (index < 0) throw new NotFoundException();
    const enrolment = await this.learning.findEnrolment(workerId, course.id);
    return this.lessonView(course, lessons, index, enrolment ? await this.currentOutcome(enrolment) : null);
  }

  /** Opens a lesson: the first time records when, and an OPENED lesson is done at once. */
  async openLesson(
    actor: Actor,
    courseId: number,
    lessonId: number,
    at = new Date(),
  ): Promise<LessonView & { outcome: Outcome }> {
    const workerId = workerOf(actor);
    const course = await this.courseForLearning(workerId, courseId);
    const lessons = await this.learnerCatalog.activeLessonsOf(course.id);
    const index = lessons.findIndex((l) => l.id === lessonId);
    if (index < 0) throw new NotFoundException();
    const { outcome } = await this.inEnrolment(workerId, course, at, async (manager, enrolment) => {
      const row = (await this.learning.progressRows(enrolment.id, manager)).find(
        (p) => p.lessonId === lessonId,
      );
      await this.learning.saveProgress(
        manager,
        row
          ? Object.assign(row, { lastSeenAt: seenAtOnOpen(row.lastSeenAt, at) })
          : { enrolmentId: enrolment.id, lessonId, openedAt: at, secondsSpent: 0, lastSeenAt: at },
      );
    });
    return { ...(await this.lessonView(course, lessons, index, outcome)), outcome };
  }

  private async lessonView(
    course: Course,
    lessons: Lesson[],
    index: number,
    outcome: Outcome | null,
  ): Promise<LessonView> {
    const lesson = lessons[index];
    const quizzes = await this.learnerCatalog.quizzesOf(course.id);
    const quiz = quizzes.find((q) => q.lessonId === lesson.id) ?? null;
    const next = lessons[index + 1] ?? null;
    let onwardUrl: string;
    if (next) onwardUrl = `/learn/courses/${course.id}/lessons/${next.id}`;
    else if (quiz && !outcome?.passedQuizIds.has(quiz.id))
      onwardUrl = `/learn/courses/${course.id}/quizzes/${quiz.id}`;
    else onwardUrl = await this.nextUrl(course.id, outcome, lesson.id);
    return {
      course,
      lesson,
      position: index + 1,
      count: lessons.length,
      previous: lessons[index - 1] ?? null,
      next,
      attachments: (await this.catalog.lessonFiles(lesson.id)).map((f) => ({
        fileId: f.id,
        name: f.originalName,
        mime: f.mime,
        sizeBytes: f.sizeBytes,
      })),
      quiz,
      done: !!outcome?.doneLessonIds.has(lesson.id),
      outcome,
      nextUrl: await this.nextUrl(course.id, outcome),
      onwardUrl,
    };
  }

  /**
   * Credits time spent in a lesson: what the page says it was visible, capped by the wall time
   * since the previous heartbeat (or opening) and by a minute, so replays cannot inflate it.
   */
  async heartbeat(
    actor: Actor,
    courseId: number,
    lessonId: number,
    claimedSeconds = HEARTBEAT_MAX_SECONDS,
    at = new Date(),
  ): Promise<HeartbeatResult> {
    const workerId = workerOf(actor);
    const course = await this.courseForLearning(workerId, courseId);
    const lessons = await this.learnerCatalog.activeLessonsOf(course.id);
    if (!lessons.some((l) => l.id === lessonId)) throw new NotFoundException();
    if (!(await this.learning.findEnrolment(workerId, course.id))) throw new NotFoundException();
    const { result: credited, outcome } = await this.inEnrolment(
      workerId,
      course,
      at,
      async (manager, enrolment) => {
        const row = (await this.learning.progressRows(enrolment.id, manager)).find(
          (p) => p.lessonId === lessonId,
        );
        // A heartbeat for a lesson never opened earns nothing: the page opens it first.
        if (!row) return 0;
        const credit = heartbeatCredit(row.lastSeenAt, at, claimedSeconds);
        await this.learning.saveProgress(
          manager,
          Object.assign(row, { secondsSpent: row.secondsSpent + credit.seconds, lastSeenAt: credit.seenAt }),
        );
        return credit.seconds;
      },
    );
    return {
      credited,
      secondsSpent: outcome.progress.get(lessonId)?.secondsSpent ?? 0,
      lessonDone: outcome.doneLessonIds.has(lessonId),
      progressPercent: outcome.state.percent,
      courseCompleted: outcome.enrolment.completedAt !== null,
    };
  }

  /**
   * A quiz to answer, with a fresh submission key; questions and options in the attempt's order.
   * A quiz drawing from the course's bank shows the worker's open draw (the same questions and
   * key however often the page is loaded), or draws anew once the last draw was submitted.
   */
  async quizForm(actor: Actor, courseId: number, quizId: number, submissionKey?: string): Promise<QuizForm> {
    const workerId = workerOf(actor);
    const course = await this.courseForLearning(workerId, courseId);
    const { quiz, lesson } = await this.quizOfCourse(course, quizId);
    const enrolment = await this.learning.findEnrolment(workerId, course.id);
    const attempts = enrolment ? await this.learning.attemptsOf(enrolment.id, quiz.id) : [];
    const attemptsLeft = quiz.maxAttempts > 0 ? Math.max(quiz.maxAttempts - attempts.length, 0) : null;
    let key = submissionKey && SUBMISSION_KEY.test(submissionKey) ? submissionKey : newSubmissionKey();
    let questions = quiz.questions ?? [];
    if (drawsFromBank(quiz)) {
      const draw = attemptsLeft === 0 ? null : await this.currentDraw(workerId, quiz, submissionKey);
      key = draw?.submissionKey ?? key;
      questions = draw ? await this.learnerCatalog.bankQuestions(course.id, draw.questionIds) : [];
    }
    return {
      course,
      quiz,
      lesson,
      submissionKey: key,
      questions: ordered(quiz, key, questions, !drawsFromBank(quiz)),
      attemptsUsed: attempts.length,
      attemptsLeft,
      passedBefore: attempts.some((a) => a.passed),
    };
  }

  /** The draw a form shows: the one of the key it was sent with, else the open one, else a new one. */
  private async currentDraw(workerId: number, quiz: Quiz, submissionKey?: string): Promise<QuizDraw> {
    const sent = submissionKey ? await this.learning.drawByKey(submissionKey) : null;
    if (sent && sent.workerId === workerId && sent.quizId === quiz.id) return sent;
    const open = await this.learning.openDraw(workerId, quiz.id);
    if (open) return open;
    const bank = await this.learnerCatalog.bankQuestionIds(quiz.courseId);
    return this.learning.insertDraw({
      workerId,
      quizId: quiz.id,
      submissionKey: newSubmissionKey(),
      questionIds: drawQuestions(bank, quiz.drawCount ?? 0),
    });
  }

  /**
   * Scores and stores an attempt. The submission key makes it idempotent: the same key again (a
   * double click, a retry, a replay) returns the attempt already stored and changes nothing.
   */
  async submitQuiz(
    actor: Actor,
    courseId: number,
    quizId: number,
    submission: QuizSubmission,
    at = new Date(),
  ): Promise<{ attempt: QuizAttempt; replayed: boolean; outcome: Outcome }> {
    const workerId = workerOf(actor);
    if (!SUBMISSION_KEY.test(submission.submissionKey)) throw new BadRequestException();
    const course = await this.courseForLearning(workerId, courseId);
    const { quiz } = await this.quizOfCourse(course, quizId);
    let questions = quiz.questions ?? [];
    let drawnIds: number[] | null = null;
    if (drawsFromBank(quiz)) {
      // Only the questions of the worker's own draw can be answered; any other key is forged.
      const draw = await this.learning.drawByKey(submission.submissionKey);
      if (!draw || draw.workerId !== workerId || draw.quizId !== quiz.id) throw new BadRequestException();
      drawnIds = draw.questionIds;
      questions = await this.learnerCatalog.bankQuestions(course.id, draw.questionIds);
      const drawn = new Set(questions.map((q) => String(q.id)));
      if (Object.keys(submission.answers).some((id) => !drawn.has(id))) throw new BadRequestException();
    }
    checkAnswers(questions, submission.answers);
    const answers: QuizAnswers = Object.fromEntries(
      questions.map((q) => [String(q.id), cleanAnswer(q, submission.answers[String(q.id)])]),
    );
    const { result, outcome } = await this.inEnrolment(workerId, course, at, async (manager, enrolment) => {
      const existing = await this.learning.attemptByKey(manager, submission.submissionKey);
      if (existing) {
        if (existing.enrolmentId !== enrolment.id || existing.quizId !== quiz.id)
          throw new BadRequestException();
        return { attempt: existing, replayed: true };
      }
      const used = await this.learning.countAttempts(manager, enrolment.id, quiz.id);
      if (quiz.maxAttempts > 0 && used >= quiz.maxAttempts)
        throw FormError.field('answers', 'learning.quiz.noAttemptsLeft', { max: quiz.maxAttempts });
      const score = scoreQuiz(questions.map(scored), answers);
      const passed = score.scorePercent >= quiz.passPercent;
      const attempt = await this.learning.insertAttempt(manager, {
        enrolmentId: enrolment.id,
        quizId: quiz.id,
        attemptNo: used + 1,
        submissionKey: submission.submissionKey,
        answers,
        questionIds: drawnIds,
        scorePercent: score.scorePercent,
        passed,
        submittedAt: at,
      });
      await this.learning.insertAttemptAnswers(
        manager,
        score.results.flatMap((r): Omit<QuizAttemptAnswer, 'id'>[] =>
          r.chosen.length > 0
            ? r.chosen.map((optionId) => ({
                attemptId: attempt.id,
                questionId: r.questionId,
                optionId,
                correct: r.correct,
              }))
            : [{ attemptId: attempt.id, questionId: r.questionId, optionId: null, correct: r.correct }],
        ),
      );
      if (passed && quiz.lessonId !== null) {
        const row = (await this.learning.progressRows(enrolment.id, manager)).find(
          (p) => p.lessonId === quiz.lessonId,
        );
        if (!row) {
          await this.learning.saveProgress(manager, {
            enrolmentId: enrolment.id,
            lessonId: quiz.lessonId,
            openedAt: at,
            secondsSpent: 0,
            lastSeenAt: at,
            quizPassedAt: at,
          });
        } else if (!row.quizPassedAt) {
          await this.learning.saveProgress(manager, Object.assign(row, { quizPassedAt: at }));
        }
      }
      return { attempt, replayed: false };
    });
    return { ...result, outcome };
  }

  /** An attempt of the worker's own, question by question, with the explanations. */
  async feedback(
    actor: Actor,
    courseId: number,
    quizId: number,
    attemptId: number,
  ): Promise<AttemptFeedback> {
    const workerId = workerOf(actor);
    const course = await this.courseForLearning(workerId, courseId);
    const enrolment = await this.learning.findEnrolment(workerId, course.id);
    const attempt = await this.learning.findAttempt(attemptId);
    if (!enrolment || !attempt || attempt.enrolmentId !== enrolment.id || attempt.quizId !== quizId)
      throw new NotFoundException();
    const { quiz, lesson } = await this.quizOfCourse(course, quizId, true);
    const answered = attempt.questionIds
      ? await this.learnerCatalog.bankQuestions(course.id, attempt.questionIds)
      : (quiz.questions ?? []).filter((q) => String(q.id) in attempt.answers);
    const score = scoreQuiz(answered.map(scored), attempt.answers);
    const results = new Map(score.results.map((r) => [r.questionId, r]));
    const outcome = await this.currentOutcome(enrolment);
    const used = (await this.learning.attemptsOf(enrolment.id, quiz.id)).length;
    const attemptsLeft = quiz.maxAttempts > 0 ? Math.max(quiz.maxAttempts - used, 0) : null;
    // The right options are shown once they can no longer be copied into a next attempt.
    const reveal = attempt.passed || attemptsLeft === 0;
    return {
      course,
      quiz,
      lesson,
      attempt,
      questions: ordered(quiz, attempt.submissionKey, answered, !attempt.questionIds).map((view) => {
        const question = answered.find((q) => q.id === view.id)!;
        const options = question.options ?? [];
        const result = results.get(view.id);
        return {
          ...view,
          correct: result?.correct ?? false,
          chosen: result?.chosen ?? [],
          text: result?.text ?? null,
          pairs: result?.pairs ?? {},
          correctOptionIds:
            reveal && CHOICE_KINDS.includes(question.kind)
              ? options.filter((o) => o.correct).map((o) => o.id)
              : [],
          acceptedAnswers:
            reveal && question.kind === QuestionKind.ShortAnswer ? options.map((o) => o.label) : [],
          correctPairs:
            reveal && question.kind === QuestionKind.Matching
              ? Object.fromEntries(options.map((o) => [String(o.id), o.matchLabel ?? '']))
              : {},
          explanation: question.explanation,
        };
      }),
      revealed: reveal,
      attemptsLeft,
      state: outcome.state,
      completed: enrolment.completedAt !== null,
      certificateCode: await this.certificateCodeOf(enrolment),
      nextUrl: await this.nextUrl(course.id, outcome),
    };
  }

  /** The worker's standing in a course (null when not enrolled), for the course page and the API. */
  async standing(workerId: number, courseId: number): Promise<(Outcome & { nextUrl: string }) | null> {
    const enrolment = await this.learning.findEnrolment(workerId, courseId);
    if (!enrolment) return null;
    const outcome = await this.currentOutcome(enrolment);
    return { ...outcome, nextUrl: await this.nextUrl(courseId, outcome) };
  }

  /**
   * Where to go on: the first active lesson not done yet (other than `leaving`, the lesson the
   * worker is going on from), else the final quiz not passed yet, else the course page.
   */
  async nextUrl(
    courseId: number,
    outcome: Pick<Outcome, 'doneLessonIds' | 'passedQuizIds'> | null,
    leaving?: number,
  ) {
    const lessons = await this.learnerCatalog.activeLessonsOf(courseId);
    const lesson = lessons.find((l) => l.id !== leaving && !outcome?.doneLessonIds.has(l.id));
    if (lesson) return `/learn/courses/${courseId}/lessons/${lesson.id}`;
    const finalQuiz = (await this.learnerCatalog.quizzesOf(courseId)).find((q) => q.lessonId === null);
    if (finalQuiz && !outcome?.passedQuizIds.has(finalQuiz.id))
      return `/learn/courses/${courseId}/quizzes/${finalQuiz.id}`;
    return `/courses/${courseId}`;
  }

  private async certificateCodeOf(enrolment: Enrolment): Promise<string | null> {
    if (!enrolment.completedAt) return null;
    return (await this.learning.certificateCodesOf(enrolment.workerId)).get(enrolment.courseId) ?? null;
  }

  /** Progress as stored, without an event (pages that only show it). */
  private async currentOutcome(enrolment: Enrolment): Promise<Outcome> {
    const [lessons, quizzes, rows, passed] = await Promise.all([
      this.learnerCatalog.lessonsOf(enrolment.courseId),
      this.learnerCatalog.quizzesOf(enrolment.courseId),
      this.learning.progressRows(enrolment.id),
      this.learning.passedQuizIds(enrolment.id),
    ]);
    return outcomeOf(enrolment, lessons, quizzes, rows, passed);
  }

  /**
   * Runs one event in a transaction on the worker's enrolment (created on the first event), then
   * the completion rules; announces a new learning record once the transaction has committed.
   */
  private async inEnrolment<T>(
    workerId: number,
    course: Course,
    at: Date,
    apply: (manager: Transaction, enrolment: Enrolment) => Promise<T>,
  ): Promise<{ result: T; outcome: Outcome }> {
    // Read before the transaction: inside it, on MySQL, it would wait for a second pooled connection.
    const enterpriseIds = await this.workers.currentEnterpriseIds(workerId, todayInVietnam(at));
    const done = await this.unitOfWork.run(async (manager) => {
      const enrolment =
        (await this.learning.lockEnrolment(manager, workerId, course.id)) ??
        (await this.learning.insertEnrolment(manager, { workerId, courseId: course.id, enrolledAt: at }));
      const result = await apply(manager, enrolment);
      const evaluated = await this.evaluate(manager, enrolment, course, at, enterpriseIds[0] ?? null);
      return { result, ...evaluated };
    });
    if (done.recorded) await this.records.announce([workerId]);
    return { result: done.result, outcome: done.outcome };
  }

  /**
   * The completion rules, right after an event and in its transaction: marks lessons whose rule is
   * now met, then the course when every requirement is; completing stores the learning record and
   * the certificate once. A completion is never taken back (a lesson added later changes nothing).
   */
  private async evaluate(
    manager: Transaction,
    enrolment: Enrolment,
    course: Course,
    at: Date,
    enterpriseId: number | null,
  ): Promise<{ outcome: Outcome; recorded: boolean }> {
    const lessons = await this.learnerCatalog.lessonsOf(course.id, manager);
    const quizzes = await this.learnerCatalog.quizzesOf(course.id, manager);
    const rows = await this.learning.progressRows(enrolment.id, manager);
    const passed = await this.learning.passedQuizIds(enrolment.id, manager);
    const lessonQuizzes = new Set(quizzes.map((q) => q.lessonId).filter((id) => id !== null));
    const byId = new Map(lessons.map((l) => [l.id, l]));
    for (const row of rows) {
      const lesson = byId.get(row.lessonId);
      if (row.completedAt || !lesson || lesson.status !== LessonStatus.Active) continue;
      if (lessonRuleMet(lesson, row, lessonQuizzes.has(lesson.id))) {
        await this.learning.saveProgress(manager, Object.assign(row, { completedAt: at }));
      }
    }
    const outcome = outcomeOf(enrolment, lessons, quizzes, rows, passed);
    if (enrolment.completedAt || !outcome.state.complete) {
      const progressPercent = enrolment.completedAt ? 100 : outcome.state.percent;
      await this.learning.updateEnrolment(manager, enrolment.id, { progressPercent, lastActivityAt: at });
      Object.assign(enrolment, { progressPercent, lastActivityAt: at });
      return { outcome, recorded: false };
    }

    await this.learning.updateEnrolment(manager, enrolment.id, {
      progressPercent: 100,
      lastActivityAt: at,
      completedAt: at,
    });
    Object.assign(enrolment, { progressPercent: 100, lastActivityAt: at, completedAt: at });
    let recorded = false;
    const domains = course.domains.map((d) => d.code);
    // The record store needs a domain; a course without one still completes and is certified.
    if (domains.length > 0) {
      const stored = await this.records.recordWithin(manager, {
        workerId: enrolment.workerId,
        occurredOn: todayInVietnam(at),
        hours: course.estimatedHours,
        source: RecordSource.Course,
        sourceRef: `course:${course.id}`,
        title: course.title,
        domains,
        institutionId: course.institutionId,
        enterpriseId,
      });
      recorded = stored.created;
    }
    if (!(await this.learning.certificateOfEnrolment(manager, enrolment.id))) {
      await this.learning.insertCertificate(manager, {
        code: certificateCode((max) => randomInt(max)),
        enrolmentId: enrolment.id,
        workerId: enrolment.workerId,
        courseId: course.id,
        hours: course.estimatedHours,
        issuedAt: at,
      });
    }
    return { outcome: { ...outcome, completedNow: true }, recorded };
  }

  /**
   * A course the worker may learn in: published, or archived after they enrolled (they may finish
   * it). Anything else answers 404.
   */
  private async courseForLearning(workerId: number, courseId: number): Promise<Course> {
    const course = await this.learnerCatalog.findCourse(courseId);
    if (course?.status === CourseStatus.Published) return course;
    if (course?.status === CourseStatus.Archived && (await this.learning.findEnrolment(workerId, courseId)))
      return course;
    throw new NotFoundException();
  }

  /** The quiz, which must belong to the course (and to an active lesson, for a lesson's quiz). */
  private async quizOfCourse(
    course: Course,
    quizId: number,
    withRemovedQuestions = false,
  ): Promise<{ quiz: Quiz; lesson: Lesson | null }> {
    const quiz = await this.learnerCatalog.quizWithQuestions(quizId, withRemovedQuestions);
    if (!quiz || quiz.courseId !== course.id) throw new NotFoundException();
    if (quiz.lessonId === null) return { quiz, lesson: null };
    const lesson = (await this.learnerCatalog.activeLessonsOf(course.id)).find((l) => l.id === quiz.lessonId);
    if (!lesson) throw new NotFoundException();
    return { quiz, lesson };
  }
}

/** The worker id of a worker's session; other roles never reach these routes. */
export function workerOf(actor: Actor): number {
  if (!actor.workerId) throw new ForbiddenException();
  return actor.workerId;
}

export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}

function outcomeOf(
  enrolment: Enrolment,
  lessons: Lesson[],
  quizzes: Quiz[],
  rows: LessonProgress[],
  passed: number[],
): Outcome {
  const doneLessonIds = new Set(rows.filter((r) => r.completedAt).map((r) => r.lessonId));
  const passedQuizIds = new Set(passed);
  const finalQuiz = quizzes.find((q) => q.lessonId === null);
  const state = courseState(lessons, doneLessonIds, {
    exists: !!finalQuiz,
    passed: !!finalQuiz && passedQuizIds.has(finalQuiz.id),
  });
  return {
    enrolment,
    // Once completed, a course stays at 100% even if a required lesson is added later.
    state: enrolment.completedAt ? { ...state, percent: 100, complete: true } : state,
    doneLessonIds,
    progress: new Map(rows.map((r) => [r.lessonId, r])),
    passedQuizIds,
    completedNow: false,
  };
}

/** A drawing quiz takes its questions from the course's bank instead of its own. */
export function drawsFromBank(quiz: Pick<Quiz, 'drawCount'>): boolean {
  return (quiz.drawCount ?? 0) > 0;
}

function scored(q: QuizQuestion) {
  return { id: q.id, kind: q.kind, options: q.options ?? [] };
}

/**
 * Questions (and their options) in the order of one attempt: shuffled by its key when the quiz says
 * so (`shuffleQuestions` false keeps a draw's own random order). True/false keeps "Đúng" before
 * "Sai"; a short answer shows no option (they are the accepted answers).
 */
function ordered(
  quiz: Quiz,
  key: string,
  questions: QuizQuestion[],
  shuffleQuestions = true,
): QuizQuestionView[] {
  const list = quiz.shuffle && shuffleQuestions ? seededShuffle(questions, key) : questions;
  return list.map((q) => {
    const options = q.options ?? [];
    const shown =
      q.kind === QuestionKind.ShortAnswer
        ? []
        : quiz.shuffle && q.kind !== QuestionKind.TrueFalse
          ? seededShuffle(options, `${key}:${q.id}`)
          : options;
    return {
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options: shown.map((o) => ({ id: o.id, label: o.label })),
      choices:
        q.kind === QuestionKind.Matching
          ? options.map((o) => o.matchLabel ?? '').sort((a, b) => a.localeCompare(b, 'vi'))
          : [],
    };
  });
}

const MAX_TEXT_ANSWER = 500;

/** An answer kept in its stored shape: sorted option ids, trimmed text, the pairs of the question's own options. */
function cleanAnswer(q: QuizQuestion, answer: QuizAnswer | undefined): QuizAnswer {
  if (q.kind === QuestionKind.ShortAnswer)
    return { text: answer && !Array.isArray(answer) && 'text' in answer ? answer.text.trim() : '' };
  if (q.kind === QuestionKind.Matching) {
    const pairs = answer && !Array.isArray(answer) && 'pairs' in answer ? answer.pairs : {};
    return {
      pairs: Object.fromEntries((q.options ?? []).map((o) => [String(o.id), pairs[String(o.id)] ?? ''])),
    };
  }
  return chosenIds(answer).sort((a, b) => a - b);
}

/**
 * Every question answered in the shape of its kind: options of its own (one for single choice and
 * true/false); a text of at most 500 characters; for matching, one of its right-hand sides for
 * every left item.
 */
function checkAnswers(questions: QuizQuestion[], answers: QuizAnswers): void {
  const errors: Record<string, { key: string }> = {};
  for (const q of questions) {
    const answer = answers[String(q.id)];
    const options = q.options ?? [];
    if (q.kind === QuestionKind.ShortAnswer) {
      const text = answer && !Array.isArray(answer) && 'text' in answer ? answer.text.trim() : '';
      if (text === '') errors[`q${q.id}`] = { key: 'learning.quiz.unanswered' };
      else if (text.length > MAX_TEXT_ANSWER) errors[`q${q.id}`] = { key: 'validation.invalid' };
      continue;
    }
    if (q.kind === QuestionKind.Matching) {
      const pairs = answer && !Array.isArray(answer) && 'pairs' in answer ? answer.pairs : {};
      const sides = new Set(options.map((o) => o.matchLabel ?? ''));
      if (options.some((o) => !pairs[String(o.id)])) errors[`q${q.id}`] = { key: 'learning.quiz.unanswered' };
      else if (options.some((o) => !sides.has(pairs[String(o.id)])))
        errors[`q${q.id}`] = { key: 'validation.invalid' };
      continue;
    }
    const chosen = chosenIds(answer);
    const own = new Set(options.map((o) => o.id));
    if (chosen.length === 0) errors[`q${q.id}`] = { key: 'learning.quiz.unanswered' };
    else if (chosen.some((id) => !own.has(id)) || (q.kind !== QuestionKind.Multiple && chosen.length > 1))
      errors[`q${q.id}`] = { key: 'validation.invalid' };
  }
  if (Object.keys(errors).length > 0) throw new FormError(errors, { key: 'learning.quiz.answerAll' });
}
