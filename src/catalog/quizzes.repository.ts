import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { QuestionKind, QuestionStatus, Quiz, QuizOption, QuizQuestion } from './entities/quiz.entity';

export type QuizFields = Pick<Quiz, 'title' | 'passPercent' | 'maxAttempts' | 'shuffle' | 'drawCount'>;

export interface QuestionFields {
  kind: QuestionKind;
  prompt: string;
  explanation: string | null;
}

/** A question with its options in order. */
export type QuestionWithOptions = Omit<QuizQuestion, 'options'> & { options: QuizOption[] };
/** A quiz with its (active) questions in order. */
export type QuizWithQuestions = Omit<Quiz, 'questions'> & { questions: QuestionWithOptions[] };

export interface OptionFields {
  label: string;
  matchLabel: string | null;
  correct: boolean;
}

@Injectable()
export class QuizzesRepository {
  constructor(@InjectRepository(Quiz) private readonly quizzes: Repository<Quiz>) {}

  findById(id: number, manager: EntityManager = this.quizzes.manager): Promise<Quiz | null> {
    return manager.getRepository(Quiz).findOne({ where: { id } });
  }

  ofCourse(courseId: number, manager: EntityManager = this.quizzes.manager): Promise<Quiz[]> {
    return manager.getRepository(Quiz).find({ where: { courseId }, order: { id: 'ASC' } });
  }

  /** A lesson's quiz, or with lessonId null the course's final quiz. */
  findFor(courseId: number, lessonId: number | null, manager = this.quizzes.manager): Promise<Quiz | null> {
    return manager
      .getRepository(Quiz)
      .findOne({ where: { courseId, lessonId: lessonId === null ? IsNull() : lessonId } });
  }

  insert(
    data: QuizFields & Pick<Quiz, 'courseId' | 'lessonId'>,
    manager = this.quizzes.manager,
  ): Promise<Quiz> {
    const repo = manager.getRepository(Quiz);
    return repo.save(repo.create(data));
  }

  async update(id: number, data: Partial<QuizFields>, manager = this.quizzes.manager): Promise<void> {
    await manager.getRepository(Quiz).update({ id }, data);
  }

  async delete(id: number, manager = this.quizzes.manager): Promise<void> {
    await manager.getRepository(Quiz).delete({ id });
  }

  // --- questions ------------------------------------------------------------------------------------

  findQuestion(id: number, manager = this.quizzes.manager): Promise<QuizQuestion | null> {
    return manager.getRepository(QuizQuestion).findOne({ where: { id } });
  }

  /** The quizzes' questions in order, each with its options in order; removed ones too unless `activeOnly`. */
  async questionsOf(
    quizIds: number[],
    activeOnly: boolean,
    manager = this.quizzes.manager,
  ): Promise<QuestionWithOptions[]> {
    if (quizIds.length === 0) return [];
    const questions = await manager.getRepository(QuizQuestion).find({
      where: { quizId: In(quizIds), ...(activeOnly ? { status: QuestionStatus.Active } : {}) },
      order: { position: 'ASC', id: 'ASC' },
    });
    const options = questions.length
      ? await manager.getRepository(QuizOption).find({
          where: { questionId: In(questions.map((q) => q.id)) },
          order: { position: 'ASC', id: 'ASC' },
        })
      : [];
    return questions.map((q) => Object.assign(q, { options: options.filter((o) => o.questionId === q.id) }));
  }

  /**
   * How many active questions each quiz puts to a learner: its own, or for a quiz drawing from the
   * course's bank as many as it draws, at most the bank's active questions.
   */
  async activeQuestionCounts(
    quizIds: number[],
    manager = this.quizzes.manager,
  ): Promise<Map<number, number>> {
    if (quizIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(QuizQuestion)
      .createQueryBuilder('q')
      .select(['q.quiz_id AS quizId', 'COUNT(*) AS n'])
      .where('q.quiz_id IN (:...quizIds)', { quizIds })
      .andWhere('q.status = :status', { status: QuestionStatus.Active })
      .groupBy('q.quiz_id')
      .getRawMany<{ quizId: number; n: number }>();
    const counts = new Map(rows.map((r) => [Number(r.quizId), Number(r.n)]));
    const drawing = await manager
      .getRepository(Quiz)
      .find({ where: { id: In(quizIds), drawCount: MoreThan(0) } });
    for (const quiz of drawing)
      counts.set(quiz.id, Math.min(quiz.drawCount ?? 0, await this.bankCount(quiz.courseId, manager)));
    return counts;
  }

  // --- the course's question bank --------------------------------------------------------------------

  /** How many active questions the course's bank holds. */
  bankCount(courseId: number, manager = this.quizzes.manager): Promise<number> {
    return manager.getRepository(QuizQuestion).count({ where: { courseId, status: QuestionStatus.Active } });
  }

  /** The bank's questions in order with their options; removed ones too unless `activeOnly`. */
  async bankQuestions(
    courseId: number,
    activeOnly: boolean,
    manager = this.quizzes.manager,
  ): Promise<QuestionWithOptions[]> {
    const questions = await manager.getRepository(QuizQuestion).find({
      where: { courseId, ...(activeOnly ? { status: QuestionStatus.Active } : {}) },
      order: { position: 'ASC', id: 'ASC' },
    });
    const options = questions.length
      ? await manager.getRepository(QuizOption).find({
          where: { questionId: In(questions.map((q) => q.id)) },
          order: { position: 'ASC', id: 'ASC' },
        })
      : [];
    return questions.map((q) => Object.assign(q, { options: options.filter((o) => o.questionId === q.id) }));
  }

  /** Adds a question to the course's bank, at the given position or after the last. */
  async insertBankQuestion(
    courseId: number,
    data: QuestionFields,
    options: OptionFields[],
    manager: EntityManager,
    position?: number,
  ): Promise<QuizQuestion> {
    const repo = manager.getRepository(QuizQuestion);
    if (position === undefined) {
      const last = await repo
        .createQueryBuilder('q')
        .select('MAX(q.position)', 'max')
        .where('q.course_id = :courseId', { courseId })
        .getRawOne<{ max: number | null }>();
      position = Number(last?.max ?? 0) + 1;
    }
    const question = await repo.save(
      repo.create({ ...data, quizId: null, courseId, position, status: QuestionStatus.Active }),
    );
    await this.insertOptions(question.id, options, manager);
    return question;
  }

  /** Adds a question with its options, at the given position or after the last. */
  async insertQuestion(
    quizId: number,
    data: QuestionFields,
    options: OptionFields[],
    manager: EntityManager,
    position?: number,
  ): Promise<QuizQuestion> {
    const repo = manager.getRepository(QuizQuestion);
    if (position === undefined) {
      const last = await repo
        .createQueryBuilder('q')
        .select('MAX(q.position)', 'max')
        .where('q.quiz_id = :quizId', { quizId })
        .getRawOne<{ max: number | null }>();
      position = Number(last?.max ?? 0) + 1;
    }
    const question = await repo.save(
      repo.create({ ...data, quizId, position, status: QuestionStatus.Active }),
    );
    await this.insertOptions(question.id, options, manager);
    return question;
  }

  async updateQuestion(
    id: number,
    data: Partial<QuestionFields & Pick<QuizQuestion, 'status'>>,
    manager = this.quizzes.manager,
  ): Promise<void> {
    await manager.getRepository(QuizQuestion).update({ id }, data);
  }

  /** Marks every active question of a quiz removed. */
  async retireQuestions(quizId: number, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(QuizQuestion)
      .update({ quizId, status: QuestionStatus.Active }, { status: QuestionStatus.Removed });
  }

  async replaceOptions(questionId: number, options: OptionFields[], manager: EntityManager): Promise<void> {
    await manager.getRepository(QuizOption).delete({ questionId });
    await this.insertOptions(questionId, options, manager);
  }

  async deleteQuestion(id: number, manager = this.quizzes.manager): Promise<void> {
    await manager.getRepository(QuizQuestion).delete({ id });
  }

  private async insertOptions(
    questionId: number,
    options: OptionFields[],
    manager: EntityManager,
  ): Promise<void> {
    if (options.length === 0) return;
    await manager.getRepository(QuizOption).insert(
      options.map((o, i) => ({
        questionId,
        position: i + 1,
        label: o.label,
        matchLabel: o.matchLabel,
        correct: o.correct,
      })),
    );
  }
}
