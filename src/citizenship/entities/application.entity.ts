import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { decimalNumber } from '../../database/transformers';
import { DomainCode } from '../../learning-records/learning-domains';

/**
 * Where a worker's application for year Y stands. Eligibility is not a status: it is the latest
 * evaluation's result, recomputed whenever the evidence changes.
 *
 *   REGISTERED ──submit──▶ SUBMITTED ──officer confirms──▶ CONFIRMED ──reviewer──▶ RECOGNISED ──▶ REVOKED
 *        ▲                     │                                │
 *        └──── officer returns ┘ (RETURNED, worker edits)       └──reviewer rejects──▶ REJECTED
 */
export enum ApplicationStatus {
  Registered = 'REGISTERED',
  Submitted = 'SUBMITTED',
  Returned = 'RETURNED',
  Confirmed = 'CONFIRMED',
  Recognised = 'RECOGNISED',
  Rejected = 'REJECTED',
  Revoked = 'REVOKED',
}

@Entity('citizenship_applications')
export class CitizenshipApplication {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column() year: number;
  /** The criteria version the worker registered under; evaluations record the version they used. */
  @Column() criteriaSetId: number;
  @Column({ type: 'varchar' }) status: ApplicationStatus;
  /** The worker's enterprise when they registered (whose officer confirms). */
  @Column({ type: 'integer', nullable: true }) enterpriseId: number | null;
  @Column({ type: 'datetime', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) confirmedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) confirmedBy: number | null;
  @Column({ type: 'text', nullable: true }) returnComment: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/** The personal learning plan: a goal and planned hours per domain. */
@Entity('learning_plan_items')
export class LearningPlanItem {
  @PrimaryColumn() applicationId: number;
  @PrimaryColumn({ type: 'varchar' }) domainCode: DomainCode;
  @Column() goal: string;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) plannedHours: number;
}

export enum AnswerReview {
  Pending = 'PENDING',
  Confirmed = 'CONFIRMED',
  Returned = 'RETURNED',
}

/** A self-declared criterion answered with a statement, then confirmed (or returned) by the officer. */
@Entity('citizenship_answers')
export class CitizenshipAnswer {
  @PrimaryColumn() applicationId: number;
  @PrimaryColumn() criterionCode: string;
  @Column({ type: 'text' }) statement: string;
  @Column({ type: 'varchar' }) reviewStatus: AnswerReview;
  @Column({ type: 'text', nullable: true }) reviewComment: string | null;
  @Column({ type: 'integer', nullable: true }) reviewedBy: number | null;
  @Column({ type: 'datetime', nullable: true }) reviewedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
