import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum QuestionKind {
  Single = 'SINGLE',
  Multiple = 'MULTIPLE',
  /** Two fixed options, "Đúng" and "Sai"; one is right. */
  TrueFalse = 'TRUE_FALSE',
  /** Pairs: each option's label (left) goes with its matchLabel (right). */
  Matching = 'MATCHING',
  /** Typed text; each option is an accepted answer, compared folded (no case, diacritics, extra spaces). */
  ShortAnswer = 'SHORT_ANSWER',
}

/** Kinds whose answer is a choice of options (their option ids are what a learner sends). */
export const CHOICE_KINDS: readonly QuestionKind[] = [
  QuestionKind.Single,
  QuestionKind.Multiple,
  QuestionKind.TrueFalse,
];

export enum QuestionStatus {
  Active = 'ACTIVE',
  /** Kept so past attempts can still be shown with their questions. */
  Removed = 'REMOVED',
}

/** A lesson's quiz (lessonId set) or the course's final quiz (lessonId null; at most one per course). */
@Entity('quizzes')
export class Quiz {
  @PrimaryGeneratedColumn() id: number;
  @Column() courseId: number;
  @Column({ type: 'integer', nullable: true }) lessonId: number | null;
  @Column() title: string;
  /** Share of points needed to pass, 0–100. */
  @Column() passPercent: number;
  /** How many attempts a worker has; 0 means unlimited. */
  @Column() maxAttempts: number;
  /** Questions and options in a different order on each attempt. */
  @Column() shuffle: boolean;
  /** Questions drawn at random from the course's bank for each attempt; null: the quiz's own questions. */
  @Column({ type: 'integer', nullable: true }) drawCount: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  @OneToMany(() => QuizQuestion, (q) => q.quiz)
  questions?: QuizQuestion[];
}

@Entity('quiz_questions')
export class QuizQuestion {
  @PrimaryGeneratedColumn() id: number;
  /** The quiz it is written into; null for a question of the course's bank. */
  @Column({ type: 'integer', nullable: true }) quizId: number | null;
  /** The course whose bank holds it; null for a quiz's own question. */
  @Column({ type: 'integer', nullable: true }) courseId: number | null;
  @Column() position: number;
  @Column({ type: 'varchar' }) kind: QuestionKind;
  @Column({ type: 'text' }) prompt: string;
  /** Shown after answering, as feedback. */
  @Column({ type: 'text', nullable: true }) explanation: string | null;
  @Column({ type: 'varchar' }) status: QuestionStatus;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  @ManyToOne(() => Quiz, (quiz) => quiz.questions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: Quiz;

  @OneToMany(() => QuizOption, (o) => o.question)
  options?: QuizOption[];
}

@Entity('quiz_options')
export class QuizOption {
  @PrimaryGeneratedColumn() id: number;
  @Column() questionId: number;
  @Column() position: number;
  @Column({ type: 'text' }) label: string;
  /** The right-hand side of a MATCHING pair; null for other kinds. */
  @Column({ type: 'text', nullable: true }) matchLabel: string | null;
  @Column() correct: boolean;

  @ManyToOne(() => QuizQuestion, (q) => q.options, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuizQuestion;
}
