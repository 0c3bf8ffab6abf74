import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One question's answer: the chosen option ids (single, multiple choice, true/false), the text
 * typed (short answer), or for a matching question the right-hand side chosen per left option id
 * (by its text: an id would tell which left option it belongs to).
 */
export type QuizAnswer = number[] | { text: string } | { pairs: Record<string, string> };

/** The answers per question id. */
export type QuizAnswers = Record<string, QuizAnswer>;

/**
 * One submitted attempt at a quiz. The submission key comes from the rendered form and is unique,
 * so a double click or a replayed request stores one attempt; it also seeds the shuffled order.
 */
@Entity('quiz_attempts')
export class QuizAttempt {
  @PrimaryGeneratedColumn() id: number;
  @Column() enrolmentId: number;
  @Column() quizId: number;
  @Column() attemptNo: number;
  @Column() submissionKey: string;
  @Column({ type: 'simple-json' }) answers: QuizAnswers;
  /** The bank questions drawn for this attempt, in the drawn order; null for a quiz's own questions. */
  @Column({ type: 'simple-json', nullable: true }) questionIds: number[] | null;
  @Column() scorePercent: number;
  @Column() passed: boolean;
  @Column({ type: 'datetime', precision: 3 }) submittedAt: Date;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/**
 * The questions drawn from the bank for a worker's next attempt, kept from the moment the quiz
 * page is first shown so that a reload shows the same ones; the attempt submitted with this
 * submission key is marked on exactly them.
 */
@Entity('quiz_draws')
export class QuizDraw {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column() quizId: number;
  @Column() submissionKey: string;
  @Column({ type: 'simple-json' }) questionIds: number[];
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/**
 * An attempt's answer to one question, for the statistics: one row per chosen option of a choice
 * question, one row (option null) for other kinds; `correct` is the question's mark.
 */
@Entity('quiz_attempt_answers')
export class QuizAttemptAnswer {
  @PrimaryGeneratedColumn() id: number;
  @Column() attemptId: number;
  @Column() questionId: number;
  @Column({ type: 'integer', nullable: true }) optionId: number | null;
  @Column() correct: boolean;
}
