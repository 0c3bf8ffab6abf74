import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The options chosen per question id. */
export type QuizAnswers = Record<string, number[]>;

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
  @Column() scorePercent: number;
  @Column() passed: boolean;
  @Column({ type: 'datetime', precision: 3 }) submittedAt: Date;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
