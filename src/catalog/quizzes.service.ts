import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { translate } from '../common/i18n/i18n';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { filledOptions, QuestionInput, questionProblems, sameChoices } from './course-rules';
import { CoursesService } from './courses.service';
import { NewQuizDto, QuizDto } from './dto/course.dto';
import { Course } from './entities/course.entity';
import { Lesson, LessonStatus } from './entities/lesson.entity';
import { QuestionStatus, Quiz, QuizQuestion } from './entities/quiz.entity';
import { LessonsRepository } from './lessons.repository';
import { QuestionWithOptions, QuizWithQuestions, QuizzesRepository } from './quizzes.repository';

export const DEFAULT_PASS_PERCENT = 80;

export interface BankView {
  course: Course;
  /** Active bank questions in order, with their options. */
  questions: QuestionWithOptions[];
  /** The course's quizzes that draw from the bank. */
  drawingQuizzes: Quiz[];
}

export interface QuizEditView {
  course: Course;
  quiz: Quiz;
  /** The lesson of a lesson quiz; null for the course's final quiz. */
  lesson: Lesson | null;
  /** Active questions in order, with their options. */
  questions: QuestionWithOptions[];
}

/**
 * Quizzes: one per lesson and one final quiz per course, with single- and multiple-choice
 * questions. In a course that has ever been published, questions are never deleted: a removed
 * question is marked REMOVED, and a question whose choices change is replaced by a new one, so
 * past attempts still point at the question and options they answered.
 */
@Injectable()
export class QuizzesService {
  constructor(
    private readonly quizzes: QuizzesRepository,
    private readonly lessons: LessonsRepository,
    private readonly courses: CoursesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async editView(actor: Actor, courseId: number, quizId: number): Promise<QuizEditView> {
    const course = await this.courses.viewable(actor, courseId);
    const quiz = await this.quizOf(course, quizId);
    return {
      course,
      quiz,
      lesson: quiz.lessonId === null ? null : await this.lessons.findById(quiz.lessonId),
      questions: await this.quizzes.questionsOf([quiz.id], true),
    };
  }

  /** Every quiz of a course with its active questions, for a caller already allowed to read the course. */
  async ofCourse(courseId: number): Promise<QuizWithQuestions[]> {
    const quizzes = await this.quizzes.ofCourse(courseId);
    const questions = await this.quizzes.questionsOf(
      quizzes.map((q) => q.id),
      true,
    );
    return quizzes.map((quiz) => ({ ...quiz, questions: questions.filter((q) => q.quizId === quiz.id) }));
  }

  async question(actor: Actor, courseId: number, quizId: number, questionId: number) {
    const view = await this.editView(actor, courseId, quizId);
    const question = view.questions.find((q) => q.id === questionId);
    if (!question) throw new NotFoundException();
    return { ...view, question };
  }

  /** A lesson's quiz, or the final quiz when no lesson is given; one of each at most. */
  async create(actor: Actor, courseId: number, dto: NewQuizDto, locale: 'vi' | 'en' = 'vi'): Promise<Quiz> {
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const lessonId = dto.lessonId ?? null;
      let lesson: Lesson | null = null;
      if (lessonId !== null) {
        lesson = await this.lessons.findById(lessonId, manager);
        if (!lesson || lesson.courseId !== courseId || lesson.status !== LessonStatus.Active)
          throw FormError.field('lessonId', 'catalog.quiz.lessonNotFound');
      }
      const existing = await this.quizzes.findFor(courseId, lessonId, manager);
      // A quiz emptied in a published course is still there: take it up again.
      if (existing) return existing;
      const quiz = await this.quizzes.insert(
        {
          courseId,
          lessonId,
          title: dto.title ?? (lesson ? lesson.title : translate(locale, 'catalog.quiz.finalTitle')),
          passPercent: dto.passPercent ?? DEFAULT_PASS_PERCENT,
          maxAttempts: dto.maxAttempts ?? 0,
          shuffle: dto.shuffle ?? true,
          drawCount: await this.checkedDrawCount(courseId, dto.drawCount ?? 0, manager),
        },
        manager,
      );
      await this.courses.touch(course.id, manager);
      return quiz;
    });
  }

  async update(actor: Actor, courseId: number, quizId: number, dto: QuizDto): Promise<Quiz> {
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const quiz = await this.quizOf(course, quizId, manager);
      const changes = {
        title: dto.title ?? quiz.title,
        passPercent: dto.passPercent ?? quiz.passPercent,
        maxAttempts: dto.maxAttempts ?? quiz.maxAttempts,
        shuffle: dto.shuffle ?? quiz.shuffle,
        drawCount:
          dto.drawCount === undefined
            ? quiz.drawCount
            : await this.checkedDrawCount(course.id, dto.drawCount, manager),
      };
      await this.quizzes.update(quiz.id, changes, manager);
      await this.courses.touch(course.id, manager);
      return { ...quiz, ...changes };
    });
  }

  /**
   * Removes a quiz. Never published: deleted with its questions. Ever published: its questions are
   * marked REMOVED and the empty quiz stays, so the attempts made on it are kept.
   */
  async remove(actor: Actor, courseId: number, quizId: number): Promise<'removed' | 'deleted'> {
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const quiz = await this.quizOf(course, quizId, manager);
      let outcome: 'removed' | 'deleted';
      if (course.publishedAt !== null) {
        await this.quizzes.retireQuestions(quiz.id, manager);
        outcome = 'removed';
      } else {
        await this.quizzes.delete(quiz.id, manager);
        outcome = 'deleted';
      }
      await this.courses.assertStillPublishable(course, manager);
      await this.courses.touch(course.id, manager);
      return outcome;
    });
  }

  async addQuestion(
    actor: Actor,
    courseId: number,
    quizId: number,
    input: QuestionInput,
  ): Promise<QuizQuestion> {
    assertValid(input);
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const quiz = await this.quizOf(course, quizId, manager);
      const question = await this.quizzes.insertQuestion(
        quiz.id,
        questionFields(input),
        filledOptions(input),
        manager,
      );
      await this.courses.touch(course.id, manager);
      return question;
    });
  }

  /**
   * Saves a question. In a course never published it is changed in place. In a published one a
   * change of wording or explanation is made in place too, but a change of kind or options retires
   * the question (REMOVED) and puts a new one in its place.
   */
  async updateQuestion(
    actor: Actor,
    courseId: number,
    quizId: number,
    questionId: number,
    input: QuestionInput,
  ): Promise<QuizQuestion> {
    assertValid(input);
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const quiz = await this.quizOf(course, quizId, manager);
      const [question] = (await this.quizzes.questionsOf([quiz.id], true, manager)).filter(
        (q) => q.id === questionId,
      );
      if (!question) throw new NotFoundException();
      return this.revise(course, question, input, manager, (fields, options, position) =>
        this.quizzes.insertQuestion(quiz.id, fields, options, manager, position),
      );
    });
  }

  /** Ever published: the question is marked REMOVED (attempts keep it); otherwise deleted. */
  async removeQuestion(
    actor: Actor,
    courseId: number,
    quizId: number,
    questionId: number,
  ): Promise<'removed' | 'deleted'> {
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const quiz = await this.quizOf(course, quizId, manager);
      const question = await this.quizzes.findQuestion(questionId, manager);
      if (!question || question.quizId !== quiz.id || question.status !== QuestionStatus.Active)
        throw new NotFoundException();
      let outcome: 'removed' | 'deleted';
      if (course.publishedAt !== null) {
        await this.quizzes.updateQuestion(question.id, { status: QuestionStatus.Removed }, manager);
        outcome = 'removed';
      } else {
        await this.quizzes.deleteQuestion(question.id, manager);
        outcome = 'deleted';
      }
      await this.courses.assertStillPublishable(course, manager);
      await this.courses.touch(course.id, manager);
      return outcome;
    });
  }

  // --- the course's question bank ------------------------------------------------------------------

  /** The bank's active questions, for a caller allowed to read the course (its editors, the federation admin). */
  async bankView(actor: Actor, courseId: number): Promise<BankView> {
    const course = await this.courses.viewable(actor, courseId);
    const quizzes = await this.quizzes.ofCourse(course.id);
    return {
      course,
      questions: await this.quizzes.bankQuestions(course.id, true),
      drawingQuizzes: quizzes.filter((q) => (q.drawCount ?? 0) > 0),
    };
  }

  async bankQuestion(actor: Actor, courseId: number, questionId: number) {
    const view = await this.bankView(actor, courseId);
    const question = view.questions.find((q) => q.id === questionId);
    if (!question) throw new NotFoundException();
    return { ...view, question };
  }

  async addBankQuestion(actor: Actor, courseId: number, input: QuestionInput): Promise<QuizQuestion> {
    assertValid(input);
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const question = await this.quizzes.insertBankQuestion(
        course.id,
        questionFields(input),
        filledOptions(input),
        manager,
      );
      await this.courses.touch(course.id, manager);
      return question;
    });
  }

  /** As updateQuestion: in a published course a change of kind or options retires the question and adds a new one. */
  async updateBankQuestion(
    actor: Actor,
    courseId: number,
    questionId: number,
    input: QuestionInput,
  ): Promise<QuizQuestion> {
    assertValid(input);
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const question = (await this.quizzes.bankQuestions(course.id, true, manager)).find(
        (q) => q.id === questionId,
      );
      if (!question) throw new NotFoundException();
      return this.revise(course, question, input, manager, (fields, options, position) =>
        this.quizzes.insertBankQuestion(course.id, fields, options, manager, position),
      );
    });
  }

  /**
   * Saves a question's new text and choices. Once the course has been published, other choices
   * make a new question in its place (`replacement`) and the old one is kept as REMOVED, so
   * attempts already marked against it still read as they were.
   */
  private async revise(
    course: Course,
    question: QuestionWithOptions,
    input: QuestionInput,
    manager: Transaction,
    replacement: (
      fields: ReturnType<typeof questionFields>,
      options: ReturnType<typeof filledOptions>,
      position: number,
    ) => Promise<QuizQuestion>,
  ): Promise<QuizQuestion> {
    const fields = questionFields(input);
    const options = filledOptions(input);
    const sameOptions = sameChoices(question, { kind: input.kind, options });
    let saved: QuizQuestion;
    if (course.publishedAt !== null && !sameOptions) {
      await this.quizzes.updateQuestion(question.id, { status: QuestionStatus.Removed }, manager);
      saved = await replacement(fields, options, question.position);
    } else {
      await this.quizzes.updateQuestion(question.id, fields, manager);
      if (!sameOptions) await this.quizzes.replaceOptions(question.id, options, manager);
      saved = { ...question, ...fields };
    }
    await this.courses.touch(course.id, manager);
    return saved;
  }

  /**
   * Takes a question out of the bank. It is only marked REMOVED when a worker may have drawn it
   * (the course was ever published), so past attempts still show it; otherwise deleted. A quiz
   * drawing more questions than are left draws what is left.
   */
  async removeBankQuestion(
    actor: Actor,
    courseId: number,
    questionId: number,
  ): Promise<'removed' | 'deleted'> {
    return this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      const question = await this.quizzes.findQuestion(questionId, manager);
      if (!question || question.courseId !== course.id || question.status !== QuestionStatus.Active)
        throw new NotFoundException();
      let outcome: 'removed' | 'deleted';
      if (course.publishedAt !== null) {
        await this.quizzes.updateQuestion(question.id, { status: QuestionStatus.Removed }, manager);
        outcome = 'removed';
      } else {
        await this.quizzes.deleteQuestion(question.id, manager);
        outcome = 'deleted';
      }
      await this.courses.assertStillPublishable(course, manager);
      await this.courses.touch(course.id, manager);
      return outcome;
    });
  }

  /** A number of questions to draw, which the bank must hold; 0 (own questions) is stored as null. */
  private async checkedDrawCount(
    courseId: number,
    drawCount: number,
    manager: Transaction,
  ): Promise<number | null> {
    if (drawCount <= 0) return null;
    const bank = await this.quizzes.bankCount(courseId, manager);
    if (drawCount > bank)
      throw FormError.field('drawCount', 'catalog.quiz.drawTooMany', { count: drawCount, bank });
    return drawCount;
  }

  private async quizOf(course: Course, quizId: number, manager?: Transaction): Promise<Quiz> {
    const quiz = await this.quizzes.findById(quizId, manager);
    if (!quiz || quiz.courseId !== course.id) throw new NotFoundException();
    return quiz;
  }
}

function assertValid(input: QuestionInput): void {
  const problems = questionProblems(input);
  if (Object.keys(problems).length > 0) throw new FormError(problems);
}

function questionFields(input: QuestionInput) {
  return { kind: input.kind, prompt: input.prompt.trim(), explanation: input.explanation?.trim() || null };
}
