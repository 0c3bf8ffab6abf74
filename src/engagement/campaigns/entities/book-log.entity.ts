import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../../database/transformers';

export enum BookLogStatus {
  Pending = 'PENDING',
  Confirmed = 'CONFIRMED',
  Rejected = 'REJECTED',
}

export const BOOK_LOG_STATUSES = Object.values(BookLogStatus);

/**
 * A book a worker read, logged by them and decided once by a union officer of the enterprise they
 * worked at when they logged it. A confirmed log has one LIFE_SKILLS learning record ("book:<id>").
 */
@Entity('book_logs')
export class BookLog {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column() enterpriseId: number;
  @Column({ type: 'integer', nullable: true }) campaignId: number | null;
  @Column() title: string;
  @Column() author: string;
  @Column({ type: 'date', utc: true }) readOn: string;
  @Column({ type: 'text' }) reflection: string;
  @Column({ type: 'varchar' }) status: BookLogStatus;
  /** The learning hours the officer granted on confirming. */
  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimalNumber })
  hours: number | null;
  /** Why it was rejected. */
  @Column({ type: 'varchar', nullable: true }) reason: string | null;
  @Column({ type: 'integer', nullable: true }) decidedBy: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
