import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A worker given an assignment. (enterprise, course, worker) is unique: a worker holds one
 * assignment of a course at an enterprise, however often it is given.
 */
@Entity('assignment_workers')
export class AssignmentWorker {
  @PrimaryGeneratedColumn() id: number;
  @Column() assignmentId: number;
  @Column() enterpriseId: number;
  @Column() courseId: number;
  @Column() workerId: number;
  /** When the reminder before the due day was sent (or found needless); it is sent once. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) remindedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
