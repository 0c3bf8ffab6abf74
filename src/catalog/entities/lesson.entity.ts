import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Course } from './course.entity';

/** When a lesson counts as done for a worker. */
export enum CompletionRule {
  /** Opening the lesson is enough. */
  Opened = 'OPENED',
  /** The worker spent at least `minMinutes` in it. */
  TimeSpent = 'TIME_SPENT',
  /** The worker passed the lesson's quiz. */
  QuizMastered = 'QUIZ_MASTERED',
}

export enum LessonStatus {
  Active = 'ACTIVE',
  /**
   * Taken out of the course. Kept (not deleted) so the progress of workers who already did it stays
   * intact; it no longer counts toward completing the course.
   */
  Removed = 'REMOVED',
}

@Entity('lessons')
export class Lesson {
  @PrimaryGeneratedColumn() id: number;
  @Column() courseId: number;
  @Column() position: number;
  @Column() title: string;
  /** Sanitised HTML (sanitize-html, allow-list) — safe to render unescaped. */
  @Column({ type: 'text', nullable: true }) bodyHtml: string | null;
  @Column({ type: 'varchar', nullable: true }) videoUrl: string | null;
  @Column() required: boolean;
  @Column({ type: 'varchar' }) completionRule: CompletionRule;
  @Column({ type: 'integer', nullable: true }) minMinutes: number | null;
  @Column({ type: 'varchar' }) status: LessonStatus;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  @ManyToOne(() => Course, (course) => course.lessons, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;
}
