import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A published course given by a union officer to workers of their enterprise, to finish by a day.
 * (enterprise, course, due day) is unique: giving the same course with the same day again adds
 * workers to this assignment instead of making another.
 */
@Entity('assignments')
export class Assignment {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column() courseId: number;
  /** The last day to finish the course (YYYY-MM-DD, Vietnam). */
  @Column({ type: 'date', utc: true }) dueOn: string;
  /** Workers not done yet get one reminder this many days before the due day. */
  @Column() remindDaysBefore: number;
  /** Given to everyone employed at the enterprise on the day it was given ("cả danh sách"). */
  @Column() wholeRoster: boolean;
  /** The user who gave it. */
  @Column() createdBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
