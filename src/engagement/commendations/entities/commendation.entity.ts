import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum CommendationKind {
  /** A studious worker (người lao động học tập tiêu biểu). */
  Worker = 'WORKER',
  /** A worker's studious child (con công nhân lao động học giỏi); the worker is the parent. */
  Child = 'CHILD',
}

export enum CommendationStatus {
  Pending = 'PENDING',
  Approved = 'APPROVED',
  Declined = 'DECLINED',
}

/** A nomination by a union officer for a year, and the federation's decision on it. */
@Entity('commendations')
export class Commendation {
  @PrimaryGeneratedColumn() id: number;
  @Column() year: number;
  @Column({ type: 'varchar' }) kind: CommendationKind;
  @Column() enterpriseId: number;
  /** The worker honoured, or the parent of the child honoured. */
  @Column() workerId: number;
  @Column({ type: 'varchar', nullable: true }) childName: string | null;
  @Column({ type: 'integer', nullable: true }) childBirthYear: number | null;
  @Column({ type: 'varchar', nullable: true }) childSchool: string | null;
  @Column({ type: 'text' }) achievement: string;
  @Column({ type: 'varchar' }) status: CommendationStatus;
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ type: 'integer', nullable: true }) decidedBy: number | null;
  @Column({ type: 'datetime', nullable: true, precision: 3 }) decidedAt: Date | null;
  @Column() nominatedBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/** An evidence file of a nomination (the file itself is kept by the files domain). */
@Entity('commendation_files')
export class CommendationFile {
  @PrimaryGeneratedColumn() id: number;
  @Column() commendationId: number;
  @Column() fileId: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
