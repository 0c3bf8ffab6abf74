import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What one enrolment did in one lesson; (enrolment, lesson) is unique. */
@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryGeneratedColumn() id: number;
  @Column() enrolmentId: number;
  @Column() lessonId: number;
  /** The first time the worker opened the lesson. */
  @Column({ type: 'datetime', precision: 3 }) openedAt: Date;
  @Column() secondsSpent: number;
  /**
   * The last open or heartbeat: a heartbeat is credited at most the time since then, so a replayed
   * or too frequent heartbeat adds nothing.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastSeenAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) quizPassedAt: Date | null;
  /** Set once, when the lesson's completion rule is first met. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) completedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
