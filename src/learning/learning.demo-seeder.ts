import { Injectable, Logger } from '@nestjs/common';
import { CompletionRule } from '../catalog/entities/lesson.entity';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { Role, ScopeType } from '../common/access/roles';
import { readSeed } from '../common/seed-files';
import { UsersRepository } from '../users/users.repository';
import { WorkersService } from '../workers/workers.service';
import { LearnerCatalogRepository } from '../catalog/learner-catalog.repository';
import { LearningRepository } from './learning.repository';
import { rightAnswer } from './learning.rules';
import { drawsFromBank, LearningService, newSubmissionKey } from './learning.service';

const DAY = 86_400_000;
/** Demo workers besides the worker login who have studied online. */
const OTHER_LEARNERS = 5;

/**
 * Demo learning, loaded after the catalog's demo courses: the worker login and a few other demo
 * workers study through the real LearningService — lessons opened, time spent, quizzes passed — on
 * days in the past, so their completions become learning records and certificates exactly as a
 * person's would. The login keeps most courses untouched, to try them out.
 */
@Injectable()
export class LearningDemoSeeder {
  private readonly logger = new Logger(LearningDemoSeeder.name);

  constructor(
    private readonly learning: LearningService,
    private readonly learnerCatalog: LearnerCatalogRepository,
    private readonly repository: LearningRepository,
    private readonly users: UsersRepository,
    private readonly workers: WorkersService,
  ) {}

  async seed(now = new Date()): Promise<void> {
    const courseIds = await this.learnerCatalog.publishedCourseIds();
    // The catalog's demo seed may have published nothing (yet): then there is nothing to learn.
    if (courseIds.length === 0) return;
    const { login } = readSeed<{ login: { username: string } }>('demo/workers.json');
    const loginWorker = await this.workerOfLogin(login.username);
    const others = await this.repository.firstWorkers(OTHER_LEARNERS, loginWorker ? [loginWorker] : []);
    const last = courseIds.length - 1;

    if (loginWorker) {
      // One course done and one under way; the others are left to try.
      if (courseIds.length >= 2) await this.complete(loginWorker, courseIds[last], daysBefore(now, 45));
      if (courseIds.length >= 3) await this.start(loginWorker, courseIds[last - 1], daysBefore(now, 3));
    }
    for (const [i, workerId] of others.entries()) {
      const first = courseIds[i % courseIds.length];
      await this.complete(workerId, first, daysBefore(now, 20 + 41 * i));
      if (courseIds.length > 1 && i % 2 === 0) {
        const second = courseIds[(i + 1) % courseIds.length];
        await this.complete(workerId, second, daysBefore(now, 10 + 17 * i));
      } else if (courseIds.length > 1) {
        await this.start(workerId, courseIds[(i + 1) % courseIds.length], daysBefore(now, 2 + i));
      }
    }
    this.logger.log(`demo learning: ${others.length + (loginWorker ? 1 : 0)} workers studied`);
  }

  /** The worker record of a login (the demo worker), if any: the account is the users domain's. */
  private async workerOfLogin(username: string): Promise<number | null> {
    const user = await this.users.findForLogin({ username });
    return user ? this.workers.idOfUser(user.id) : null;
  }

  /** Opens the first lesson of a course, leaving it in progress. */
  private async start(workerId: number, courseId: number, at: Date): Promise<void> {
    const [lesson] = await this.learnerCatalog.activeLessonsOf(courseId);
    if (!lesson) return;
    await this.learning.openLesson(workerActor(workerId), courseId, lesson.id, at);
  }

  /** Studies a whole course as a diligent worker would: every lesson, its minutes, its quizzes. */
  private async complete(workerId: number, courseId: number, startAt: Date): Promise<void> {
    const actor = workerActor(workerId);
    let clock = startAt.getTime();
    const tick = (ms: number) => new Date((clock += ms));
    const lessons = await this.learnerCatalog.activeLessonsOf(courseId);
    const quizzes = await this.learnerCatalog.quizzesOf(courseId);
    for (const lesson of lessons) {
      await this.learning.openLesson(actor, courseId, lesson.id, tick(1000));
      if (lesson.completionRule === CompletionRule.TimeSpent) {
        const beats = Math.ceil(((lesson.minMinutes ?? 0) * 60) / 60);
        for (let i = 0; i < beats; i++)
          await this.learning.heartbeat(actor, courseId, lesson.id, 60, tick(60_000));
      }
      const quiz = quizzes.find((q) => q.lessonId === lesson.id);
      if (quiz) await this.pass(actor, courseId, quiz.id, tick(120_000));
    }
    const finalQuiz = quizzes.find((q) => q.lessonId === null);
    if (finalQuiz) await this.pass(actor, courseId, finalQuiz.id, tick(300_000));
  }

  private async pass(actor: Actor, courseId: number, quizId: number, at: Date): Promise<void> {
    const quiz = await this.learnerCatalog.quizWithQuestions(quizId);
    if (!quiz) return;
    let submissionKey = newSubmissionKey();
    let questions = quiz.questions ?? [];
    if (drawsFromBank(quiz)) {
      // As a worker would: open the quiz (which draws), then answer the questions drawn.
      const form = await this.learning.quizForm(actor, courseId, quizId);
      submissionKey = form.submissionKey;
      questions = await this.learnerCatalog.bankQuestions(
        courseId,
        form.questions.map((q) => q.id),
      );
    }
    if (questions.length === 0) return;
    const answers = Object.fromEntries(
      questions.map((q) => [String(q.id), rightAnswer({ id: q.id, kind: q.kind, options: q.options ?? [] })]),
    );
    try {
      await this.learning.submitQuiz(actor, courseId, quizId, { submissionKey, answers }, at);
    } catch (error) {
      // A demo quiz the seed cannot pass (e.g. a question without a right option) leaves the course in progress.
      if (!(error instanceof FormError)) throw error;
      this.logger.warn(`demo learning: quiz ${quizId} could not be passed`);
    }
  }
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

/** The demo worker as a signed-in worker would be. */
function workerActor(workerId: number): Actor {
  return new Actor(
    0,
    'demo',
    [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
    workerId,
  );
}
