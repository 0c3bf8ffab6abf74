import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A worker taking an online course; (worker, course) is unique, so enrolling twice is one enrolment. */
@Entity('enrolments')
export class Enrolment {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column() courseId: number;
  /** Share of the course's requirements done, 0–100; stays 100 once completed. */
  @Column() progressPercent: number;
  @Column({ type: 'datetime', precision: 3 }) enrolledAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastActivityAt: Date | null;
  /** Set once, when the course's completion rule is first met; never taken back. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) completedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
